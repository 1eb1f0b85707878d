package com.crmplatform.store;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rupee amounts as people type them, read the same way in forms, CSV files and the rule editor:
 * "12500", "12,500.50", "1,25,000", "₹ 1,200", "Rs. 300", "INR 99", "300 rupees", "15k", "2.5 lakh",
 * "1.5L", "1 crore". The English rule parser reads amounts inside a description with this too. Commas must group digits (thousands, or the Indian lakh grouping): "1,5" is refused
 * rather than read as 15.
 */
public final class Amounts {

    private static final Pattern SHAPE = Pattern.compile(
            "(?<sign>-)?(?<number>\\d{1,3}(?:,\\d{3})+|\\d{1,2}(?:,\\d{2})*,\\d{3}|\\d+)?"
                    + "(?<frac>\\.\\d*)?\\s*(?<scale>k|thousand|lakhs?|lacs?|l|crores?|cr|mn|million)?");
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("^(₹|rs\\.?|inr)\\s*");
    private static final Pattern CURRENCY_AFTER = Pattern.compile("\\s*(rupees|rs\\.?|inr|₹|/-)$");

    private Amounts() {
    }

    /**
     * @return the amount, or null when the text is empty
     * @throws IllegalArgumentException saying what is wrong, as a phrase to follow the value
     *                                  ("has no number in it", "is not an amount (...)")
     */
    public static BigDecimal parse(String text) {
        if (text != null && isPlain(text)) {
            return new BigDecimal(text); // "12500", "1499.50": the common case, read without patterns
        }
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > 40) {
            throw new IllegalArgumentException("is too long to be an amount");
        }
        s = CURRENCY_AFTER.matcher(CURRENCY_BEFORE.matcher(s).replaceFirst("")).replaceFirst("").strip();
        if (s.isEmpty() || s.chars().noneMatch(Character::isDigit)) {
            throw new IllegalArgumentException("has no number in it");
        }
        Matcher m = SHAPE.matcher(s);
        if (!m.matches() || m.group("number") == null && (m.group("frac") == null || m.group("frac").length() < 2)) {
            throw new IllegalArgumentException(s.contains(",")
                    ? "is not an amount (commas only group digits, as in 12,500 or 1,25,000; decimals take a dot: 1.5)"
                    : "is not an amount (e.g. 12500, 12,500.50, ₹1,200, 15k or 2.5 lakh)");
        }
        String whole = m.group("number") == null ? "0" : m.group("number").replace(",", "");
        String frac = m.group("frac") == null || m.group("frac").length() < 2 ? "" : m.group("frac");
        BigDecimal v = new BigDecimal(whole + frac);
        String scale = m.group("scale");
        if (scale != null) {
            v = v.multiply(switch (scale) {
                case "k", "thousand" -> BigDecimal.valueOf(1_000);
                case "crore", "crores", "cr" -> BigDecimal.valueOf(10_000_000);
                case "mn", "million" -> BigDecimal.valueOf(1_000_000);
                default -> BigDecimal.valueOf(100_000);
            });
        }
        return m.group("sign") != null ? v.negate() : v;
    }

    /** Digits with at most one dot between them (and an optional minus): nothing to strip or group. */
    private static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0 || n > 24) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        boolean digitBefore = false;
        boolean dot = false;
        boolean digitAfter = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (dot) {
                    digitAfter = true;
                } else {
                    digitBefore = true;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digitBefore && (!dot || digitAfter);
    }
}
