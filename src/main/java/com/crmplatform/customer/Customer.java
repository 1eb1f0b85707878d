package com.crmplatform.customer;

import com.crmplatform.store.Audit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A customer. {@code totalSpend}, {@code visits} and {@code lastPurchaseDate} are moved by orders
 * (and may start from values imported from an earlier system).
 */
public record Customer(String id, String name, String email, String phone, String city,
                       BigDecimal totalSpend, int visits, LocalDate lastPurchaseDate, Audit audit) {

    /** The email as the unique index compares it. */
    public String emailKey() {
        return emailKey(email);
    }

    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public long version() {
        return audit.version();
    }

    public Customer withDetails(CustomerDraft d, Audit newAudit) {
        return new Customer(id, d.name(), d.email(), d.phone(), d.city(), d.totalSpend(), d.visits(),
                d.lastPurchaseDate(), newAudit);
    }

    public CustomerDraft toDraft() {
        return new CustomerDraft(name, email, phone, city, totalSpend, visits, lastPurchaseDate);
    }
}
