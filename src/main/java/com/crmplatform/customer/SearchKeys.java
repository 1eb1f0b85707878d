package com.crmplatform.customer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The lower-case keys that search and sorting use. Search matches the start of the full name,
 * of its last word (the surname), of the email, or of the phone's digits, so each is an index
 * range scan rather than a scan of every row.
 */
public final class SearchKeys {

    private static final java.util.regex.Pattern PHONE_TEXT = java.util.regex.Pattern.compile("[0-9 ()+.-]+");

    private SearchKeys() {
    }

    public static String nameKey(String name) {
        String s = name.strip();
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    public static String surnameKey(String name) {
        String key = nameKey(name);
        int space = key.lastIndexOf(' ');
        return space < 0 ? key : key.substring(space + 1);
    }

    /** The national number's digits (the last ten), so "98765" finds "+91 98765 43210". */
    public static String phoneKey(String phone) {
        String digits = CustomerValidator.digitsOf(phone == null ? "" : phone);
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    /** True when the typed text is a phone number or part of one. */
    public static boolean looksLikePhone(String text) {
        return !text.isEmpty() && PHONE_TEXT.matcher(text).matches() && !CustomerValidator.digitsOf(text).isEmpty();
    }

    /** The typed text as a search prefix, or empty for "no filter". */
    public static String normalizeQuery(String text) {
        return text == null ? "" : nameKey(text);
    }
}
