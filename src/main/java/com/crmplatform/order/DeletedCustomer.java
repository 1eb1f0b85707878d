package com.crmplatform.order;

import com.crmplatform.customer.Customer;
import java.util.List;

/**
 * A deleted customer with the orders deleted with it, kept so the deletion can be undone.
 *
 * @param countedOrderIds the orders the customer's totals included when it was deleted (where the
 *                        store records it, MongoDB; empty otherwise)
 * @param revokedOrderIds the cancelled orders the store had recorded as never to be counted again
 */
public record DeletedCustomer(Customer customer, List<Order> orders, List<String> countedOrderIds,
                              List<String> revokedOrderIds) {

    public DeletedCustomer {
        orders = List.copyOf(orders);
        countedOrderIds = List.copyOf(countedOrderIds);
        revokedOrderIds = List.copyOf(revokedOrderIds);
    }

    public DeletedCustomer(Customer customer, List<Order> orders) {
        this(customer, orders, List.of(), List.of());
    }
}
