package com.crmplatform.customer.ui;

import com.crmplatform.customer.Customer;

/** The windows the customers screen opens, behind an interface so its view-model is testable. */
public interface CustomerDialogs {

    /** Opens the form for a new customer (null) or an edit; {@code onSaved} runs after a save. */
    /** @param onSaved gets the stored customer */
    void editCustomer(Customer customer, java.util.function.Consumer<Customer> onSaved);

    /** Opens the CSV import window; {@code onImported} runs when it wrote anything. */
    void importCsv(Runnable onImported);

    /** Opens the new-order form for this customer. */
    void newOrder(Customer customer, Runnable onSaved);
}
