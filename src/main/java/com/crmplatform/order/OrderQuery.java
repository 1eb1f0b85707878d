package com.crmplatform.order;

import java.time.LocalDate;

/**
 * Which orders to list, and in which order (newest first unless said). Each filter is optional (null).
 *
 * @param customerId only this customer's orders
 * @param from       orders on or after this date
 * @param to         orders on or before this date
 * @param sort       the column the list is sorted by (ties by id, the same way)
 * @param descending largest, latest or last in the alphabet first
 */
public record OrderQuery(String customerId, LocalDate from, LocalDate to, OrderSort sort, boolean descending) {

    public OrderQuery {
        sort = sort == null ? OrderSort.DATE : sort;
    }

    public OrderQuery(String customerId, LocalDate from, LocalDate to) {
        this(customerId, from, to, OrderSort.DATE, true);
    }

    public OrderQuery sortedBy(OrderSort by, boolean desc) {
        return new OrderQuery(customerId, from, to, by, desc);
    }

    public static OrderQuery all() {
        return new OrderQuery(null, null, null);
    }

    public static OrderQuery ofCustomer(String customerId) {
        return new OrderQuery(customerId, null, null);
    }
}
