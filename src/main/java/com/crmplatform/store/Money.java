package com.crmplatform.store;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rupee amounts: exact, two decimal places (paise). */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** The amount with scale 2; fails on fractions of a paisa rather than rounding them away. */
    public static BigDecimal normalize(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static boolean hasAtMostPaise(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 2;
    }

    public static long toPaise(BigDecimal amount) {
        return normalize(amount).movePointRight(2).longValueExact();
    }

    /**
     * Rupees as people in India read them, in lakh/crore grouping: ₹1,40,946.71, ₹1,00,000 (paise
     * only when there are some). ICU4J's DecimalFormat, as the JDK's cannot group by two digits.
     */
    public static String rupees(BigDecimal amount) {
        boolean whole = amount.signum() == 0 || amount.stripTrailingZeros().scale() <= 0;
        com.ibm.icu.text.DecimalFormat f = new com.ibm.icu.text.DecimalFormat(whole ? "₹#,##,##0" : "₹#,##,##0.00",
                new com.ibm.icu.text.DecimalFormatSymbols(com.ibm.icu.util.ULocale.ENGLISH));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP.ordinal());
        return f.format(amount);
    }

    public static BigDecimal fromPaise(long paise) {
        return BigDecimal.valueOf(paise, 2);
    }
}
