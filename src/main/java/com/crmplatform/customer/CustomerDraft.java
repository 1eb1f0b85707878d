package com.crmplatform.customer;

import com.crmplatform.store.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What a person (or a CSV row) says about a customer, before it is validated and stored. */
public record CustomerDraft(String name, String email, String phone, String city,
                            BigDecimal totalSpend, int visits, LocalDate lastPurchaseDate) {

    public CustomerDraft {
        name = clean(name);
        email = clean(email);
        phone = clean(phone);
        city = clean(city);
        totalSpend = totalSpend == null ? Money.ZERO : totalSpend;
    }

    public static CustomerDraft of(String name, String email) {
        return new CustomerDraft(name, email, "", "", Money.ZERO, 0, null);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
