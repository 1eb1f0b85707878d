package com.crmplatform.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A new order as entered, before validation. */
public record OrderDraft(String customerId, BigDecimal amount, LocalDate orderDate, List<LineItem> items) {

    public OrderDraft {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
