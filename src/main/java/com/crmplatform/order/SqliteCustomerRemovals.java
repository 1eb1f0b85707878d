package com.crmplatform.order;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.SqliteCustomerRepository;
import com.crmplatform.store.StaleRecordException;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

/** In the local store a customer and its orders go, and come back, in one transaction. */
public final class SqliteCustomerRemovals implements CustomerRemovals {

    private final SqliteCustomerRepository customers;

    public SqliteCustomerRemovals(SqliteCustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public Optional<DeletedCustomer> delete(String customerId, long expectedVersion) {
        return customers.database().inTransaction(c -> {
            Optional<Customer> found = SqliteCustomerRepository.findIn(c, customerId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (found.get().version() != expectedVersion) {
                throw new StaleRecordException("Customer " + found.get().name());
            }
            List<Order> orders = SqliteOrderRows.ofCustomer(c, customerId);
            try (PreparedStatement o = c.prepareStatement("DELETE FROM orders WHERE customer_id=?")) {
                o.setString(1, customerId);
                o.executeUpdate();
            }
            SqliteCustomerRepository.deleteIn(c, customerId);
            return Optional.of(new DeletedCustomer(found.get(), orders));
        });
    }

    @Override
    public void restore(DeletedCustomer deleted) {
        customers.database().inTransaction(c -> {
            customers.insertIn(c, deleted.customer());
            SqliteOrderRows.insert(c, deleted.orders());
            return null;
        });
    }
}
