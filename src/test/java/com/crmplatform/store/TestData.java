package com.crmplatform.store;

import com.crmplatform.customer.Customer;
import com.crmplatform.order.LineItem;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Records for tests. */
public final class TestData {

    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    public static final Audit AUDIT = Audit.created(NOW, "local:test");

    private TestData() {
    }

    public static Customer customer(String name, String email) {
        return new Customer(Ids.newId(), name, email, "", "Pune", Money.ZERO, 0, null, AUDIT);
    }

    public static Customer customer(String name, String email, String spend, int visits, LocalDate last) {
        return new Customer(Ids.newId(), name, email, "", "Pune", new BigDecimal(spend).setScale(2), visits, last, AUDIT);
    }

    public static Order order(Customer c, String amount, LocalDate date) {
        return new Order(Ids.newId(), c.id(), c.name(), c.email(), new BigDecimal(amount).setScale(2), date,
                List.of(new LineItem("Kurta", 2)), OrderStatus.ACTIVE, AUDIT);
    }
}
