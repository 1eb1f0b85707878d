package com.crmplatform.ai;

import java.math.BigDecimal;

/**
 * A piece of a description: a word, a connector (and, or, but, comma, parentheses, either), a
 * number (with its money mark or duration unit) or a date.
 */
record Token(Kind kind, String text, BigDecimal value, boolean money, long unitDays) {

    enum Kind { WORD, CONNECTOR, NUMBER, DATE }

    static Token word(String w) {
        return new Token(Kind.WORD, w, null, false, 0);
    }

    static Token connector(String w) {
        return new Token(Kind.CONNECTOR, w, null, false, 0);
    }

    static Token number(String text, BigDecimal value, boolean money, long unitDays) {
        return new Token(Kind.NUMBER, text, value, money, unitDays);
    }

    static Token date(String iso) {
        return new Token(Kind.DATE, iso, null, false, 0);
    }

    boolean is(String w) {
        return kind == Kind.CONNECTOR && text.equals(w);
    }

    boolean isBoundary() {
        return kind == Kind.CONNECTOR;
    }

    /** A duration in days (months of 30, years of 365); a bare number counts as days. */
    long daysValue() {
        return value.multiply(BigDecimal.valueOf(unitDays == 0 ? 1 : unitDays)).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }
}
