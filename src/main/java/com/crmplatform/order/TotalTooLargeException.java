package com.crmplatform.order;

import com.crmplatform.store.Limits;
import com.crmplatform.store.StoreException;

/** An order that would take its customer's total spend past {@link Limits#MAX_TOTAL_SPEND}; nothing was written. */
public final class TotalTooLargeException extends StoreException {

    public TotalTooLargeException(String customerId) {
        super("These orders would take customer " + customerId + "'s total spend past ₹"
                + Limits.MAX_TOTAL_SPEND.toPlainString() + ", the largest the CRM keeps; nothing was written. "
                + "Check the amounts for a typing mistake.");
    }
}
