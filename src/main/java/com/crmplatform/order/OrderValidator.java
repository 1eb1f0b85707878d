package com.crmplatform.order;

import com.crmplatform.store.Limits;
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
        } else if (amount.compareTo(Limits.MAX_ORDER_AMOUNT) > 0) {
            errors.put(OrderField.AMOUNT, "Amount is more than the largest allowed for one order, ₹"
                    + Limits.MAX_ORDER_AMOUNT.toPlainString() + ".");
        }
        if (date == null) {
            errors.put(OrderField.ORDER_DATE, "Order date is required.");
        } else if (date.isAfter(LocalDate.now(clock))) {
            errors.put(OrderField.ORDER_DATE, "Order date " + date + " is in the future.");
        } else if (!Limits.isSaneDate(date)) {
            errors.put(OrderField.ORDER_DATE, "Order date " + date + " is not " + Limits.dateRange() + ".");
        }
        if (items.size() > Limits.MAX_ITEMS) {
            errors.put(OrderField.ITEMS, "An order can have at most " + Limits.MAX_ITEMS + " line items.");
        }
        for (LineItem i : items) {
            if (i.name().isEmpty() || i.quantity() < 1) {
                errors.put(OrderField.ITEMS, "Each line item needs a name and a quantity of at least 1.");
            } else if (i.name().length() > Limits.MAX_ITEM_NAME) {
                errors.put(OrderField.ITEMS, "An item name is longer than " + Limits.MAX_ITEM_NAME + " characters.");
            } else if (i.name().contains(";")) {
                errors.put(OrderField.ITEMS, "An item name cannot contain \";\".");
            }
        }
        return errors;
    }
}
