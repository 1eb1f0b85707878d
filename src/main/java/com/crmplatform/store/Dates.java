package com.crmplatform.store;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One date format everywhere: shown as the tables show it (30-Nov-2026); read from what people
 * type in forms, filters and CSV files — day first 30/11/2026 (or 30-11-2026, 30.11.2026),
 * ISO 2026-11-30, and 30-Nov-2026 / 30 Nov 2026. Text that is none of these is an error, never
 * dropped or guessed.
 */
public final class Dates {

    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("dd-MMM-uuuu", Locale.ENGLISH);
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern NAMED_MONTH = Pattern.compile("(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?,?[\\s-]+(\\d{4})");
    private static final DateTimeFormatter MONTH_NAME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM").toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FULL_MONTH_NAME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMMM").toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);

    /** What to type, for messages and prompts. */
    public static final String EXAMPLES = "30/11/2026, 2026-11-30 or 30-Nov-2026";

    private Dates() {
    }

    public static String show(LocalDate d) {
        return d == null ? "" : SHOW.format(d);
    }

    /**
     * @return the date, or null for empty text
     * @throws IllegalArgumentException saying what is wrong, as a phrase to follow the text
     *                                  ("is not a real date", "is not a date (type …)")
     */
    public static LocalDate parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return null;
        }
        LocalDate date;
        try {
            Matcher m;
            if ((m = ISO.matcher(s)).matches()) {
                date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } else if ((m = DAY_FIRST.matcher(s)).matches()) {
                date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            } else if ((m = NAMED_MONTH.matcher(s)).matches()) {
                date = LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
            } else {
                throw new IllegalArgumentException("is not a date (type " + EXAMPLES + ")");
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a real date");
        }
        if (!Limits.isSaneDate(date)) {
            throw new IllegalArgumentException("is not " + Limits.dateRange());
        }
        return date;
    }

    private static int month(String name) {
        String n = name.equalsIgnoreCase("sept") ? "Sep" : name;
        return (n.length() == 3 ? MONTH_NAME : FULL_MONTH_NAME).parse(n).get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
    }
}
