package com.crmplatform.segment.ui;

import com.crmplatform.segment.RuleField;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.Texts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The editable form of a rule tree: what the builder's controls are bound to. */
public final class RuleEditor {

    private RuleEditor() {
    }

    /** A node of the tree. */
    public sealed interface Node permits GroupNode, ConditionNode {
    }

    /** A group: AND/OR over its children. */
    public static final class GroupNode implements Node {
        private final ObjectProperty<SegmentRule.Logic> logic = new SimpleObjectProperty<>(SegmentRule.Logic.AND);
        private final ObservableList<Node> children = FXCollections.observableArrayList();

        public ObjectProperty<SegmentRule.Logic> logicProperty() {
            return logic;
        }

        public ObservableList<Node> children() {
            return children;
        }
    }

    /** One condition, with its value as typed and the problem with it, if any. */
    public static final class ConditionNode implements Node {
        private final ObjectProperty<RuleField> field = new SimpleObjectProperty<>(RuleField.TOTAL_SPEND);
        private final ObjectProperty<RuleOperator> operator = new SimpleObjectProperty<>(RuleOperator.GT);
        private final StringProperty value = new SimpleStringProperty("");
        private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
        private final StringProperty error = new SimpleStringProperty("");
        /** A new condition says nothing is wrong with it until something was typed or picked in it. */
        private boolean touched;

        public ConditionNode() {
            value.addListener((o, a, b) -> touched = true);
            date.addListener((o, a, b) -> touched = true);
        }

        public ObjectProperty<RuleField> fieldProperty() {
            return field;
        }

        public ObjectProperty<RuleOperator> operatorProperty() {
            return operator;
        }

        public StringProperty valueProperty() {
            return value;
        }

        public ObjectProperty<LocalDate> dateProperty() {
            return date;
        }

        public StringProperty errorProperty() {
            return error;
        }

        /** The condition, or empty with {@link #errorProperty()} saying what to fix. */
        Optional<SegmentRule.Condition> toCondition() {
            RuleField f = field.get();
            try {
                Object v = switch (f.type()) {
                    case DATE -> {
                        if (date.get() == null) {
                            throw new IllegalArgumentException(Texts.get("rule.error.date"));
                        }
                        if (!com.crmplatform.store.Limits.isSaneDate(date.get())) {
                            throw new IllegalArgumentException(Texts.get("rule.error.dateRange",
                                    com.crmplatform.store.Limits.EARLIEST_DATE.toString(),
                                    com.crmplatform.store.Limits.LATEST_DATE.toString()));
                        }
                        yield date.get();
                    }
                    case NUMBER -> {
                        BigDecimal d;
                        try {
                            d = com.crmplatform.store.Amounts.parse(value.get());
                        } catch (IllegalArgumentException bad) {
                            throw new IllegalArgumentException(Texts.get("rule.error.amount.bad", value.get().strip(), bad.getMessage()));
                        }
                        if (d == null) {
                            throw new IllegalArgumentException(Texts.get("rule.error.amount.empty"));
                        }
                        if (d.signum() < 0) {
                            throw new IllegalArgumentException(Texts.get("rule.error.amount.negative"));
                        }
                        if (d.compareTo(com.crmplatform.store.Limits.MAX_TOTAL_SPEND) > 0 || d.stripTrailingZeros().scale() > 2) {
                            throw new IllegalArgumentException(Texts.get("rule.error.amount.range",
                                    com.crmplatform.store.Limits.MAX_TOTAL_SPEND.toPlainString()));
                        }
                        yield d;
                    }
                    case INTEGER -> {
                        String s = value.get().strip();
                        if (s.isEmpty() || !s.matches("\\d{1,9}")) {
                            throw new IllegalArgumentException(Texts.get(f == RuleField.INACTIVE_DAYS
                                    ? "rule.error.days" : "rule.error.whole"));
                        }
                        long n = Long.parseLong(s);
                        long max = f == RuleField.INACTIVE_DAYS ? com.crmplatform.store.Limits.MAX_INACTIVE_DAYS
                                : com.crmplatform.store.Limits.MAX_VISITS;
                        if (n > max) {
                            throw new IllegalArgumentException(Texts.get("rule.error.max", max));
                        }
                        yield n;
                    }
                };
                error.set("");
                return Optional.of(new SegmentRule.Condition(f, operator.get(), v));
            } catch (NumberFormatException e) {
                error.set(Texts.get("rule.error.number", value.get().strip()));
            } catch (IllegalArgumentException e) {
                error.set(touched ? e.getMessage() : "");
            }
            return Optional.empty();
        }
    }

    /** The rule of a tree, or empty when a condition needs fixing (each says what) or a group is empty. */
    public static Optional<SegmentRule.Group> toRule(GroupNode root) {
        List<String> problems = new ArrayList<>();
        SegmentRule.Group g = group(root, problems);
        return problems.isEmpty() ? Optional.ofNullable(g) : Optional.empty();
    }

    private static SegmentRule.Group group(GroupNode node, List<String> problems) {
        List<SegmentRule> rules = new ArrayList<>();
        for (Node child : node.children()) {
            if (child instanceof ConditionNode c) {
                c.toCondition().ifPresentOrElse(rules::add, () -> problems.add(c.errorProperty().get()));
            } else {
                SegmentRule.Group inner = group((GroupNode) child, problems);
                if (inner != null) {
                    rules.add(inner);
                }
            }
        }
        if (rules.isEmpty()) {
            problems.add("empty group");
            return null;
        }
        return new SegmentRule.Group(node.logicProperty().get(), rules);
    }

    /** A tree showing a rule, to edit a saved segment or a generated rule. */
    public static GroupNode fromRule(SegmentRule.Group rule) {
        GroupNode g = new GroupNode();
        g.logicProperty().set(rule.op());
        for (SegmentRule r : rule.rules()) {
            if (r instanceof SegmentRule.Group inner) {
                g.children().add(fromRule(inner));
            } else {
                SegmentRule.Condition c = (SegmentRule.Condition) r;
                ConditionNode n = new ConditionNode();
                n.fieldProperty().set(c.field());
                n.operatorProperty().set(c.operator());
                if (c.field().type() == RuleField.ValueType.DATE) {
                    n.dateProperty().set(c.date());
                } else {
                    n.valueProperty().set(String.valueOf(c.value() instanceof BigDecimal d ? d.toPlainString() : c.value()));
                }
                g.children().add(n);
            }
        }
        return g;
    }
}
