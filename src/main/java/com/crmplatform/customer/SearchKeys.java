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
        if (mayChangeUnderNfc(s) && !Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * False when no character of the text could change under NFC: every character below U+0300
     * (where the combining marks begin) is its own composed form, as in most names; the general
     * check is then skipped.
     */
    private static boolean mayChangeUnderNfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') {
                return true;
            }
        }
        return false;
    }

    /** The surname's key from the full name's key ({@link #nameKey}): its last word. */
    public static String surnameOf(String nameKey) {
        int space = nameKey.lastIndexOf(' ');
        return space < 0 ? nameKey : nameKey.substring(space + 1);
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
