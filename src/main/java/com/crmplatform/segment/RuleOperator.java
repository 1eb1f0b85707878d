package com.crmplatform.segment;

import java.util.Optional;

/** Comparison operators of a condition, written as in the rule JSON. */
public enum RuleOperator {
    GT(">"), GTE(">="), LT("<"), LTE("<="), EQ("="), NE("!=");

    private final String symbol;

    RuleOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code left op right} holds, for a comparison result {@code left.compareTo(right)}. */
    public boolean test(int comparison) {
        return switch (this) {
            case GT -> comparison > 0;
            case GTE -> comparison >= 0;
            case LT -> comparison < 0;
            case LTE -> comparison <= 0;
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
        };
    }

    public static Optional<RuleOperator> fromSymbol(String s) {
        for (RuleOperator o : values()) {
            if (o.symbol.equals(s)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
