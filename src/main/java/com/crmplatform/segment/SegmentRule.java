package com.crmplatform.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A segment: a tree of AND/OR groups and conditions, as fixed by the rule contract
 * ({@code docs/segment-rules.md}). Instances are only made valid: values have their field's
 * type, groups are not empty; {@link RuleJson} checks untrusted input before it gets here.
 */
public sealed interface SegmentRule {

    int MAX_DEPTH = 5;

    /** A group of rules joined by AND or OR. */
    record Group(Logic op, List<SegmentRule> rules) implements SegmentRule {
        public Group {
            Objects.requireNonNull(op);
            rules = List.copyOf(rules);
            if (rules.isEmpty()) {
                throw new IllegalArgumentException("a group needs at least one rule");
            }
        }
    }

    /** One test of a customer field against a value. */
    record Condition(RuleField field, RuleOperator operator, Object value) implements SegmentRule {
        public Condition {
            Objects.requireNonNull(field);
            Objects.requireNonNull(operator);
            boolean ok = switch (field.type()) {
                case NUMBER -> value instanceof BigDecimal;
                case INTEGER -> value instanceof Long;
                case DATE -> value instanceof LocalDate;
            };
            if (!ok) {
                throw new IllegalArgumentException(field.json() + " needs a " + field.type().name().toLowerCase()
                        + " value, not " + value);
            }
        }

        public BigDecimal number() {
            return (BigDecimal) value;
        }

        public long integer() {
            return (Long) value;
        }

        public LocalDate date() {
            return (LocalDate) value;
        }
    }

    /** How a group joins its rules. */
    enum Logic { AND, OR }

    static Group and(SegmentRule... rules) {
        return new Group(Logic.AND, List.of(rules));
    }

    static Group or(SegmentRule... rules) {
        return new Group(Logic.OR, List.of(rules));
    }

    static Condition totalSpend(RuleOperator op, String amount) {
        return new Condition(RuleField.TOTAL_SPEND, op, new BigDecimal(amount));
    }

    static Condition visits(RuleOperator op, long n) {
        return new Condition(RuleField.VISITS, op, n);
    }

    static Condition inactiveDays(RuleOperator op, long days) {
        return new Condition(RuleField.INACTIVE_DAYS, op, days);
    }

    static Condition lastPurchase(RuleOperator op, LocalDate date) {
        return new Condition(RuleField.LAST_PURCHASE_DATE, op, date);
    }
}
