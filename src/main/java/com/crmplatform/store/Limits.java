package com.crmplatform.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds every value the app stores must keep, in forms, CSV files, rules and both stores.
 * They are far beyond any real customer, and small enough that no sum of them overflows a store
 * (order amounts in paise fit a 64-bit integer ten thousand times over at the largest total).
 */
public final class Limits {

    /** Dates before this are typing mistakes (0001-01-01), not purchases. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
    /** ₹1,00,000 crore (10^12) for one order. */
    public static final BigDecimal MAX_ORDER_AMOUNT = new BigDecimal("1000000000000");
    /** ₹10^15 for a customer's total spend. */
    public static final BigDecimal MAX_TOTAL_SPEND = new BigDecimal("1000000000000000");
    public static final long MAX_TOTAL_SPEND_PAISE = 100_000_000_000_000_000L;
    public static final int MAX_VISITS = 10_000_000;
    /** Inactive days in a rule: a little over a hundred years. */
    public static final long MAX_INACTIVE_DAYS = 40_000;

    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONE = 32;
    public static final int MAX_CITY = 100;
    public static final int MAX_ITEM_NAME = 200;
    public static final int MAX_ITEMS = 100;
    public static final int MAX_CAMPAIGN_NAME = 200;
    public static final int MAX_SEGMENT_NAME = 200;
    public static final int MAX_MESSAGE = 2_000;
    /** Conditions in one rule, all groups together (SQLite's expression depth stays far away). */
    public static final int MAX_RULE_CONDITIONS = 200;
    public static final int MAX_RULE_JSON = 100_000;
    /** A description of an audience is a sentence or two. */
    public static final int MAX_DESCRIPTION = 1_000;

    private Limits() {
    }

    public static boolean isSaneDate(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** "a date between 1900-01-01 and 2100-12-31", for messages. */
    public static String dateRange() {
        return "between " + EARLIEST_DATE + " and " + LATEST_DATE;
    }
}
