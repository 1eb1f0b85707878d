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
        List<List<String>> lists = orders.countedOf(customerId);
        List<Order> deletedOrders = orders.deleteOfCustomer(customerId);
        if (!customers.deleteAtVersion(customerId, expectedVersion)) {
            orders.restoreAll(deletedOrders, lists.get(0), lists.get(1));
            throw new StaleRecordException("Customer " + found.get().name());
        }
        return Optional.of(new DeletedCustomer(found.get(), deletedOrders, lists.get(0), lists.get(1)));
    }

    @Override
    public void restore(DeletedCustomer deleted) {
        // The customer comes back with the lists of what its totals include, in the same write.
        customers.insert(deleted.customer(), deleted.countedOrderIds(), deleted.revokedOrderIds());
        orders.restoreAll(deleted.orders(), deleted.countedOrderIds(), deleted.revokedOrderIds());
    }
}
