package com.crmplatform.ui;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/** A screen that later work fills in (campaigns, history): says what will be here. */
public final class PlaceholderView implements Screen {

    @FXML
    private FontIcon icon;
    @FXML
    private Label title;
    @FXML
    private Label body;

    private final Node node;
    private final String titleKey;

    public PlaceholderView(Messages messages, String titleKey, String bodyKey, String iconLiteral) {
        this.titleKey = titleKey;
        this.node = Fxml.load(this, messages);
        title.setText(messages.get(titleKey));
        body.setText(messages.get(bodyKey));
        icon.setIconLiteral(iconLiteral);
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public String titleKey() {
        return titleKey;
    }
}
