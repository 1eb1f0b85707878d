package com.crmplatform.campaign.ui;

import com.crmplatform.segment.SegmentRule;
import com.crmplatform.segment.ui.RuleEditor.ConditionNode;
import com.crmplatform.segment.ui.RuleEditor.GroupNode;
import com.crmplatform.segment.ui.RuleEditor;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;

/** The builder's rule being edited: a tree of groups and conditions; every edit is reported. */
public final class RuleTreeModel {

    private final ObjectProperty<GroupNode> root = new SimpleObjectProperty<>();
    private final Runnable edited;

    /** @param edited called after any change anywhere in the tree */
    RuleTreeModel(Runnable edited) {
        this.edited = edited;
        GroupNode start = new GroupNode();
        ConditionNode first = new ConditionNode();
        first.valueProperty().set("10000");
        start.children().add(first);
        setRoot(start);
    }

    /** The rule the tree stands for, or empty while a condition is unfinished or wrong. */
    public Optional<SegmentRule.Group> rule() {
        return RuleEditor.toRule(root.get());
    }

    /** Shows a generated or saved rule in the editor. */
    public void load(SegmentRule.Group rule) {
        setRoot(RuleEditor.fromRule(rule));
    }

    public void addCondition(GroupNode group) {
        group.children().add(new ConditionNode());
    }

    public void addGroup(GroupNode group) {
        GroupNode inner = new GroupNode();
        inner.logicProperty().set(group.logicProperty().get() == SegmentRule.Logic.AND ? SegmentRule.Logic.OR : SegmentRule.Logic.AND);
        inner.children().add(new ConditionNode());
        group.children().add(inner);
    }

    public void remove(GroupNode parent, RuleEditor.Node node) {
        parent.children().remove(node);
    }

    public ObjectProperty<GroupNode> rootProperty() {
        return root;
    }

    private void setRoot(GroupNode g) {
        root.set(g);
        watch(g);
        edited.run();
    }

    private void watch(RuleEditor.Node node) {
        if (node instanceof GroupNode g) {
            g.logicProperty().addListener((Observable o) -> edited.run());
            g.children().forEach(this::watch);
            g.children().addListener((ListChangeListener<RuleEditor.Node>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(this::watch);
                }
                edited.run();
            });
        } else {
            ConditionNode c = (ConditionNode) node;
            for (Observable p : List.of(c.fieldProperty(), c.operatorProperty(), c.valueProperty(), c.dateProperty())) {
                p.addListener(o -> edited.run());
            }
        }
    }
}
