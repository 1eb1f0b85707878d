package com.crmplatform.order.ui;

import com.crmplatform.customer.Customer;

/** The windows the orders screen opens. */
public interface OrderDialogs {

    /** The new-order form, for this customer or (null) one to choose. */
    void newOrder(Customer customer, Runnable onSaved);

    /** Opens the CSV import window for orders; {@code onImported} runs when it wrote anything. */
    void importOrdersCsv(Runnable onImported);
}
