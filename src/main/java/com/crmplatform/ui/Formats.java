package com.crmplatform.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How the window shows money and dates: rupees with Indian digit grouping, medium dates. */
public final class Formats {

    private static final Locale INDIA = new Locale("en", "IN");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(INDIA).withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** ₹1,23,456.50, ₹1,00,000: lakh/crore grouping, paise only when there are some. */
    public static String money(BigDecimal amount) {
        return com.crmplatform.store.Money.rupees(amount);
    }

    /** 30-Nov-2026, as every table and picker shows a date. */
    public static String date(LocalDate d) {
        return d == null ? "—" : com.crmplatform.store.Dates.show(d);
    }

    public static String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t);
    }
}
