package com.crmplatform.customer;

import java.util.function.Function;

/** The orders a customer table can be sorted in; each is backed by an index in both stores. */
public enum CustomerSort {
    NAME(c -> SearchKeys.nameKey(c.name())),
    EMAIL(Customer::emailKey),
    TOTAL_SPEND(Customer::totalSpend),
    VISITS(Customer::visits),
    LAST_PURCHASE(Customer::lastPurchaseDate);

    private final Function<Customer, Object> key;

    CustomerSort(Function<Customer, Object> key) {
        this.key = key;
    }

    /** The value of this sort's key for a row, for a keyset cursor. */
    public Object keyOf(Customer c) {
        return key.apply(c);
    }
}
