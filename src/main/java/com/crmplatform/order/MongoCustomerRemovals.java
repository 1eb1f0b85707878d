package com.crmplatform.order;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.store.StaleRecordException;
import java.util.List;
import java.util.Optional;

/**
 * In the central store (no multi-document transactions on every server) the orders go first and
 * come back if the customer changed meanwhile; undo puts the customer back, then its orders.
 */
public final class MongoCustomerRemovals implements CustomerRemovals {

    private final MongoCustomerRepository customers;
    private final MongoOrderRepository orders;

    public MongoCustomerRemovals(MongoCustomerRepository customers, MongoOrderRepository orders) {
        this.customers = customers;
        this.orders = orders;
    }

    @Override
    public Optional<DeletedCustomer> delete(String customerId, long expectedVersion) {
        Optional<Customer> found = customers.findById(customerId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().version() != expectedVersion) {
            throw new StaleRecordException("Customer " + found.get().name());
        }
        List<Order> deletedOrders = orders.deleteOfCustomer(customerId);
        if (!customers.deleteAtVersion(customerId, expectedVersion)) {
            orders.restoreAll(deletedOrders);
            throw new StaleRecordException("Customer " + found.get().name());
        }
        return Optional.of(new DeletedCustomer(found.get(), deletedOrders));
    }

    @Override
    public void restore(DeletedCustomer deleted) {
        customers.insert(deleted.customer());
        orders.restoreAll(deleted.orders());
        orders.listCounted(deleted.customer().id(), deleted.orders()); // the totals include exactly these again
    }
}
