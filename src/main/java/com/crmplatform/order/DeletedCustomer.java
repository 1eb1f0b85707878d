package com.crmplatform.order;

import com.crmplatform.customer.Customer;
import java.util.List;

/** A deleted customer with the orders deleted with it, kept so the deletion can be undone. */
public record DeletedCustomer(Customer customer, List<Order> orders) {

    public DeletedCustomer {
        orders = List.copyOf(orders);
    }
}
