package com.crmplatform.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Pane;

/** Small helpers for writing text: chips that insert a placeholder, and a menu of ready-made texts. */
public final class TextInserts {

    private TextInserts() {
    }

    /** One chip per placeholder in {@code chips}; a click inserts it at the caret of {@code target}. */
    public static void chips(Pane chips, TextInputControl target, List<String> placeholders) {
        for (String placeholder : placeholders) {
            Button chip = new Button(placeholder);
            chip.getStyleClass().addAll("small", "chip");
            chip.setOnAction(e -> {
                target.insertText(target.getCaretPosition(), placeholder);
                target.requestFocus();
            });
            chips.getChildren().add(chip);
        }
    }

    /** A menu above {@code anchor} offering {@code options}; the chosen one goes to {@code chosen}. */
    public static void offer(Node anchor, List<String> options, Consumer<String> chosen) {
        ContextMenu menu = new ContextMenu();
        for (String option : options) {
            MenuItem item = new MenuItem(option);
            item.setOnAction(e -> chosen.accept(option));
            menu.getItems().add(item);
        }
        menu.show(anchor, Side.TOP, 0, 0);
    }
}
