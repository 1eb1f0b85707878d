package com.crmplatform.customer;

import com.crmplatform.store.SortDirection;

/** A customer listing: what to search for (empty: everyone) and how to sort it. */
public record CustomerQuery(String search, CustomerSort sort, SortDirection direction) {

    public CustomerQuery {
        search = SearchKeys.normalizeQuery(search);
    }

    public static CustomerQuery all() {
        return new CustomerQuery("", CustomerSort.NAME, SortDirection.ASCENDING);
    }

    public boolean ascending() {
        return direction == SortDirection.ASCENDING;
    }
}
