package com.crmplatform.order;

import java.util.function.Function;

/** The orders an orders table can be sorted in (the date, newest first, is the default). */
public enum OrderSort {
    DATE(Order::orderDate),
    AMOUNT(Order::amount),
    CUSTOMER(Order::customerName);

    private final Function<Order, Object> key;

    OrderSort(Function<Order, Object> key) {
        this.key = key;
    }

    /** The value of this sort's key for a row, for a keyset cursor. */
    public Object keyOf(Order o) {
        return key.apply(o);
    }
}
