package com.crmplatform.order;

import java.time.LocalDate;

/**
 * Which orders to list, newest first. Each filter is optional (null).
 *
 * @param customerId only this customer's orders
 * @param from       orders on or after this date
 * @param to         orders on or before this date
 */
public record OrderQuery(String customerId, LocalDate from, LocalDate to) {

    public static OrderQuery all() {
        return new OrderQuery(null, null, null);
    }

    public static OrderQuery ofCustomer(String customerId) {
        return new OrderQuery(customerId, null, null);
    }
}
