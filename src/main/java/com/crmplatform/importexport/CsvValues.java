package com.crmplatform.importexport;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Reading the values people put in CSV files; each failure says what was wrong with the value. */
final class CsvValues {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final Pattern DMY_SHAPE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final Pattern MONEY = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY = Pattern.compile("(?i)^(rs\\.?|inr)");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

    private CsvValues() {
    }

    /** ISO (2024-03-31) or Indian/British day-first (31/03/2024); empty is null. */
    static LocalDate date(String column, String raw) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (ISO_SHAPE.matcher(s).matches()) {
                return LocalDate.parse(s.length() == 10 ? s : normalizeIso(s), ISO);
            }
            if (DMY_SHAPE.matcher(s).matches()) {
                return LocalDate.parse(s, DMY);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(column + " \"" + s + "\" is not a real date");
        }
        throw new IllegalArgumentException(column + " \"" + s + "\" is not a date (use 2024-03-31 or 31/03/2024)");
    }

    private static String normalizeIso(String s) {
        String[] p = s.split("-");
        return p[0] + "-" + (p[1].length() == 1 ? "0" : "") + p[1] + "-" + (p[2].length() == 1 ? "0" : "") + p[2];
    }

    /** Rupees: "12500", "12,500.50", "₹ 1,200", "Rs. 300", "INR 99"; empty is null. */
    static BigDecimal money(String column, String raw) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (!MONEY.matcher(s).matches()) {
            s = CURRENCY.matcher(s.replace("₹", "")).replaceFirst("").replace(",", "").replace(" ", "");
        }
        if (s.isEmpty()) {
            return null;
        }
        if (!MONEY.matcher(s).matches()) {
            throw new IllegalArgumentException(column + " \"" + raw.strip() + "\" is not an amount");
        }
        return new BigDecimal(s);
    }

    /** A whole number; "2.5" or "two" is refused; empty is null. */
    static Integer wholeNumber(String column, String raw) {
        String s = raw.strip();
        if (s.indexOf(',') >= 0) {
            s = s.replace(",", "");
        }
        if (s.isEmpty()) {
            return null;
        }
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException(column + " \"" + raw.strip() + "\" is not a whole number");
        }
        return Integer.parseInt(s);
    }
}
