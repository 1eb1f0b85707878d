package com.crmplatform.store;

/**
 * A position in a sorted listing for keyset paging: the sort value of a row (null sorts first)
 * and its id as the tie-breaker.
 */
public record Cursor(Object sortValue, String id) {
}
