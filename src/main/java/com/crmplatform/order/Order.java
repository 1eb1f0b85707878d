package com.crmplatform.order;

import com.crmplatform.store.Audit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order of a customer. The customer's name and email are copied in when it is made, so the
 * orders table and exports need no join. Only active orders count in the customer's totals.
 */
public record Order(String id, String customerId, String customerName, String customerEmail,
                    BigDecimal amount, LocalDate orderDate, List<LineItem> items, OrderStatus status,
                    Audit audit) {

    public Order {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean isActive() {
        return status == OrderStatus.ACTIVE;
    }

    public Order cancelled(Audit newAudit) {
        return new Order(id, customerId, customerName, customerEmail, amount, orderDate, items,
                OrderStatus.CANCELLED, newAudit);
    }
}
