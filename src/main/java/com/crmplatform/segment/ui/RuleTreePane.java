package com.crmplatform.segment.ui;

import com.crmplatform.segment.RuleField;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.segment.ui.RuleEditor.ConditionNode;
import com.crmplatform.segment.ui.RuleEditor.GroupNode;
import com.crmplatform.ui.Messages;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws a rule tree as nested cards: a group with its AND/OR switch and its rules, a condition as
 * field / operator / value, with the value editor that fits the field. Edits go straight into the
 * tree's properties; adding and removing go through the given actions.
 */
public final class RuleTreePane {

    /** What the tree's buttons do. */
    public record Actions(Consumer<GroupNode> addCondition, Consumer<GroupNode> addGroup,
                          BiConsumer<GroupNode, RuleEditor.Node> remove) {
    }

    private final Messages messages;
    private final Actions actions;

    public RuleTreePane(Messages messages, Actions actions) {
        this.messages = messages;
        this.actions = actions;
    }

    public Node group(GroupNode g, GroupNode parent) {
        ToggleGroup logic = new ToggleGroup();
        ToggleButton and = new ToggleButton(messages.get("builder.and"));
        ToggleButton or = new ToggleButton(messages.get("builder.or"));
        and.setToggleGroup(logic);
        or.setToggleGroup(logic);
        and.getStyleClass().addAll("left-pill");
        or.getStyleClass().addAll("right-pill");
        (g.logicProperty().get() == SegmentRule.Logic.AND ? and : or).setSelected(true);
        logic.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                g.logicProperty().set(now == and ? SegmentRule.Logic.AND : SegmentRule.Logic.OR);
            }
        });
        and.setTooltip(new Tooltip(messages.get("builder.and.tooltip")));
        or.setTooltip(new Tooltip(messages.get("builder.or.tooltip")));
        Button addCondition = new Button(messages.get("builder.addCondition"), new FontIcon("fth-plus"));
        addCondition.getStyleClass().add("flat");
        addCondition.setOnAction(e -> actions.addCondition().accept(g));
        Button addGroup = new Button(messages.get("builder.addGroup"), new FontIcon("fth-layers"));
        addGroup.getStyleClass().add("flat");
        addGroup.setOnAction(e -> actions.addGroup().accept(g));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(0, and, or, spacer, addCondition, addGroup);
        header.setAlignment(Pos.CENTER_LEFT);
        if (parent != null) {
            header.getChildren().add(removeButton(() -> actions.remove().accept(parent, g)));
        }
        VBox children = new VBox(6);
        Runnable draw = () -> children.getChildren().setAll(g.children().stream()
                .map(n -> n instanceof GroupNode inner ? group(inner, g) : condition((ConditionNode) n, g)).toList());
        draw.run();
        g.children().addListener((ListChangeListener<RuleEditor.Node>) c -> draw.run());
        VBox card = new VBox(8, header, children);
        card.getStyleClass().add("rule-group");
        return card;
    }

    private Node condition(ConditionNode c, GroupNode parent) {
        ComboBox<RuleField> field = new ComboBox<>();
        field.getItems().setAll(RuleField.values());
        field.setConverter(converter(f -> messages.get("rule.field." + f.json())));
        field.valueProperty().bindBidirectional(c.fieldProperty());
        field.setPrefWidth(170);
        field.setMinWidth(150); // "Total spend (₹)" whole, whatever the pane's width
        ComboBox<RuleOperator> operator = new ComboBox<>();
        operator.getItems().setAll(RuleOperator.values());
        operator.setConverter(converter(o -> messages.get("rule.operator." + o.name())));
        operator.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(RuleOperator o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : messages.get("rule.operator." + o.name())); // as its menu says
            }
        });
        operator.valueProperty().bindBidirectional(c.operatorProperty());
        operator.setPrefWidth(150);
        operator.setMinWidth(145); // "> more than" whole
        TextField value = new TextField();
        value.textProperty().bindBidirectional(c.valueProperty());
        value.getStyleClass().add("rule-value");
        value.setPrefWidth(130);
        value.setMinWidth(80);
        DatePicker date = new DatePicker();
        date.valueProperty().bindBidirectional(c.dateProperty());
        com.crmplatform.ui.DateFields.install(date, new javafx.beans.property.SimpleStringProperty());
        date.setPrefWidth(150);
        Label unit = new Label();
        Runnable byType = () -> {
            RuleField f = c.fieldProperty().get();
            boolean isDate = f.type() == RuleField.ValueType.DATE;
            date.setVisible(isDate);
            date.setManaged(isDate);
            value.setVisible(!isDate);
            value.setManaged(!isDate);
            value.setPromptText(messages.get("rule.prompt." + f.json()));
            unit.setText(f == RuleField.INACTIVE_DAYS ? messages.get("rule.unit.days") : "");
        };
        byType.run();
        c.fieldProperty().addListener((o, a, b) -> byType.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(6, field, operator, value, date, unit, spacer,
                removeButton(() -> actions.remove().accept(parent, c)));
        row.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(c.errorProperty());
        error.visibleProperty().bind(c.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(2, row, error);
        box.getStyleClass().add("rule-condition");
        return box;
    }

    private Button removeButton(Runnable remove) {
        Button b = new Button(null, new FontIcon("fth-x"));
        b.getStyleClass().addAll("flat", "button-icon");
        b.setTooltip(new Tooltip(messages.get("builder.remove")));
        b.setOnAction(e -> remove.run());
        return b;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
