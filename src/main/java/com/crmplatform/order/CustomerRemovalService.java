package com.crmplatform.order;

import com.crmplatform.customer.Customer;
import com.crmplatform.store.NotFoundException;

/** Deleting a customer (with their orders) and undoing it. */
public final class CustomerRemovalService {

    private final CustomerRemovals removals;

    public CustomerRemovalService(CustomerRemovals removals) {
        this.removals = removals;
    }

    /** Deletes the customer and its orders; the result can be handed to {@link #undo}. */
    public DeletedCustomer delete(Customer customer) {
        return removals.delete(customer.id(), customer.version())
                .orElseThrow(() -> new NotFoundException("Customer " + customer.name()));
    }

    public void undo(DeletedCustomer deleted) {
        removals.restore(deleted);
    }
}
