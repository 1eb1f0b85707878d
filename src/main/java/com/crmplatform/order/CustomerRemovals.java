package com.crmplatform.order;

import java.util.Optional;

/**
 * Deleting a customer takes their orders along, and undo puts both back exactly as they were.
 * Both stores pass the same contract tests.
 */
public interface CustomerRemovals {

    /**
     * Deletes the customer and its orders, returning what was deleted (for undo); empty when the
     * customer is gone already.
     *
     * @throws com.crmplatform.store.StaleRecordException when the customer changed since {@code expectedVersion}
     */
    Optional<DeletedCustomer> delete(String customerId, long expectedVersion);

    /** Puts back a customer and its orders exactly as they were deleted. */
    void restore(DeletedCustomer deleted);
}
