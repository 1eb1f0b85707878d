package com.crmplatform.store;

public enum SortDirection {
    ASCENDING, DESCENDING
}
