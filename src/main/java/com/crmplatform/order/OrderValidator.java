package com.crmplatform.order;

import com.crmplatform.store.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** The rules a new order must meet, shared by the form, the importer and the service. */
public final class OrderValidator {

    private final Clock clock;

    public OrderValidator(Clock clock) {
        this.clock = clock;
    }

    public Map<OrderField, String> validate(BigDecimal amount, LocalDate date, java.util.List<LineItem> items) {
        Map<OrderField, String> errors = new EnumMap<>(OrderField.class);
        if (amount == null) {
            errors.put(OrderField.AMOUNT, "Amount is required.");
        } else if (amount.signum() <= 0) {
            errors.put(OrderField.AMOUNT, "Amount must be more than zero.");
        } else if (!Money.hasAtMostPaise(amount)) {
            errors.put(OrderField.AMOUNT, "Amount has more than two decimal places.");
        }
        if (date == null) {
            errors.put(OrderField.ORDER_DATE, "Order date is required.");
        } else if (date.isAfter(LocalDate.now(clock))) {
            errors.put(OrderField.ORDER_DATE, "Order date " + date + " is in the future.");
        }
        for (LineItem i : items) {
            if (i.name().isEmpty() || i.quantity() < 1) {
                errors.put(OrderField.ITEMS, "Each line item needs a name and a quantity of at least 1.");
            } else if (i.name().contains(";")) {
                errors.put(OrderField.ITEMS, "An item name cannot contain \";\".");
            }
        }
        return errors;
    }
}
