package com.crmplatform.customer;

import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Customers in a store. Both implementations (MongoDB and SQLite) pass the same contract tests.
 * Writes are refused with {@link com.crmplatform.store.DuplicateEmailException} on a
 * case-insensitive email clash and with {@link com.crmplatform.store.StaleRecordException} when
 * the expected version is not the stored one.
 */
public interface CustomerRepository {

    void insert(Customer customer);

    /**
     * Stores {@code updated} if the stored record still has {@code expectedVersion}; the caller
     * has already put the next version in {@code updated.audit()}.
     */
    void update(Customer updated, long expectedVersion);

    Optional<Customer> findById(String id);

    Optional<Customer> findByEmail(String email);

    /** The stored customers among these emails (compared case-insensitively), in one round trip. */
    List<Customer> findByEmails(Collection<String> emails);

    Page<Customer> page(CustomerQuery query, PageRequest request);

    long count(CustomerQuery query);

    /**
     * Inserts new customers and updates existing ones (each checked against its expected version)
     * as one batch: in SQLite one transaction, in MongoDB one bulk write.
     *
     * @return the ids of updates refused because the record changed meanwhile
     */
    List<String> writeBatch(List<Customer> inserts, List<VersionedUpdate> updates);

    /**
     * Inserts the customers whose email is not stored yet, as one batch, and returns the others
     * (untouched): an import's fast path, with no lookup for new customers.
     */
    List<Customer> insertAbsent(List<Customer> customers);

    record VersionedUpdate(Customer customer, long expectedVersion) {
    }
}
