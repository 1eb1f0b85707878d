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

    public static BigDecimal fromPaise(long paise) {
        return BigDecimal.valueOf(paise, 2);
    }
}
