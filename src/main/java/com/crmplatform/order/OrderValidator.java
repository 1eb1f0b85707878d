package com.crmplatform.order;

import com.crmplatform.store.Limits;
import com.crmplatform.store.Money;
import com.crmplatform.store.Texts;
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
            errors.put(OrderField.AMOUNT, Texts.get("order.error.amount.required"));
        } else if (amount.signum() <= 0) {
            errors.put(OrderField.AMOUNT, Texts.get("order.error.amount.positive"));
        } else if (!Money.hasAtMostPaise(amount)) {
            errors.put(OrderField.AMOUNT, Texts.get("order.error.amount.paise"));
        } else if (amount.compareTo(Limits.MAX_ORDER_AMOUNT) > 0) {
            errors.put(OrderField.AMOUNT, Texts.get("order.error.amount.large", Limits.MAX_ORDER_AMOUNT.toPlainString()));
        }
        if (date == null) {
            errors.put(OrderField.ORDER_DATE, Texts.get("order.error.date.required"));
        } else if (date.isAfter(LocalDate.now(clock))) {
            errors.put(OrderField.ORDER_DATE, Texts.get("order.error.date.future", date.toString()));
        } else if (!Limits.isSaneDate(date)) {
            errors.put(OrderField.ORDER_DATE, Texts.get("order.error.date.range", date.toString(), Limits.EARLIEST_DATE.toString(), Limits.LATEST_DATE.toString()));
        }
        if (items.size() > Limits.MAX_ITEMS) {
            errors.put(OrderField.ITEMS, Texts.get("order.error.items.many", Limits.MAX_ITEMS));
        }
        for (LineItem i : items) {
            if (i.name().isEmpty() || i.quantity() < 1) {
                errors.put(OrderField.ITEMS, Texts.get("order.error.items.incomplete"));
            } else if (i.name().length() > Limits.MAX_ITEM_NAME) {
                errors.put(OrderField.ITEMS, Texts.get("order.error.items.long", Limits.MAX_ITEM_NAME));
            } else if (i.name().contains(";")) {
                errors.put(OrderField.ITEMS, Texts.get("order.error.items.semicolon"));
            }
        }
        return errors;
    }
}
