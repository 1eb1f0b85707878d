package com.crmplatform.ai.english;

import com.crmplatform.ai.english.Lexicon.Sense;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One piece of a description after reading: a number (an amount, a count, a duration), a date or
 * a span of dates, a listed phrase with its senses, an unknown word, or punctuation.
 *
 * @param unitDays   for a duration, days per unit (7 for weeks); 0 for no unit
 * @param count      written as a count ("once", "3x", "a dozen times")
 * @param plus       followed by "+" ("5+", "₹2000+")
 * @param monthOrMillion "3m": months beside time words, millions beside money
 * @param from       first day of a date or span ("March 2025" is 1–31 March)
 * @param to         last day of the span
 */
record Piece(Kind kind, String text, Set<Sense> senses, BigDecimal value, boolean money, long unitDays, boolean count,
             boolean plus, boolean monthOrMillion, LocalDate from, LocalDate to) {

    enum Kind { NUMBER, DATE, PHRASE, UNKNOWN, OPEN, CLOSE, COMMA }

    static Piece phrase(String text, Set<Sense> senses) {
        return new Piece(Kind.PHRASE, text, senses, null, false, 0, false, false, false, null, null);
    }

    static Piece unknown(String text) {
        return new Piece(Kind.UNKNOWN, text, Set.of(), null, false, 0, false, false, false, null, null);
    }

    static Piece punctuation(Kind kind, String text) {
        return new Piece(kind, text, Set.of(), null, false, 0, false, false, false, null, null);
    }

    static Piece number(String text, BigDecimal value, boolean money, long unitDays, boolean count, boolean plus,
                        boolean monthOrMillion) {
        return new Piece(Kind.NUMBER, text, Set.of(), value, money, unitDays, count, plus, monthOrMillion, null, null);
    }

    static Piece date(String text, LocalDate from, LocalDate to) {
        return new Piece(Kind.DATE, text, Set.of(), null, false, 0, false, false, false, from, to);
    }

    boolean has(Sense s) {
        return senses.contains(s);
    }

    boolean isValue() {
        return kind == Kind.NUMBER || kind == Kind.DATE;
    }

    boolean isDuration() {
        return kind == Kind.NUMBER && unitDays > 0;
    }

    Piece withText(String t) {
        return new Piece(kind, t, senses, value, money, unitDays, count, plus, monthOrMillion, from, to);
    }

    Piece withValue(BigDecimal v, boolean isMoney, long days, boolean isCount) {
        return new Piece(kind, text, senses, v, isMoney, days, isCount, plus, monthOrMillion && days == 0 && !isMoney, from, to);
    }

    Piece withPlus() {
        return new Piece(kind, text + "+", senses, value, money, unitDays, count, true, monthOrMillion, from, to);
    }

    /** A duration in days (months of 30, years of 365). */
    long days() {
        return value.multiply(BigDecimal.valueOf(unitDays == 0 ? 1 : unitDays)).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }
}
