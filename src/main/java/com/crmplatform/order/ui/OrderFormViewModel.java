package com.crmplatform.order.ui;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.ValidationException;
import com.crmplatform.order.LineItem;
import com.crmplatform.order.LineItems;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderDraft;
import com.crmplatform.order.OrderField;
import com.crmplatform.order.OrderService;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * A new order. The order (with its id) is made once; saving again after a failure sends the same
 * order, so a retry never counts it twice.
 */
public final class OrderFormViewModel {

    private final OrderService service;
    private final UiExecutor executor;
    private final Messages messages;
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> orderDate = new SimpleObjectProperty<>();
    /** The order date as typed: text that is not a date is an error on the field, never dropped. */
    private final StringProperty orderDateText = new SimpleStringProperty("");
    private final StringProperty items = new SimpleStringProperty("");
    private final ObservableMap<OrderField, String> errors = FXCollections.observableHashMap();
    private final StringProperty formError = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final BooleanProperty showErrors = new SimpleBooleanProperty();
    private Order prepared;

    public OrderFormViewModel(OrderService service, UiExecutor executor, Messages messages, Clock clock, Customer forCustomer) {
        this.service = service;
        this.executor = executor;
        this.messages = messages;
        customer.set(forCustomer);
        orderDate.set(LocalDate.now(clock));
        orderDateText.set(com.crmplatform.store.Dates.show(orderDate.get()));
        customer.addListener((o, a, b) -> changed());
        amount.addListener((o, a, b) -> changed());
        orderDate.addListener((o, a, b) -> changed());
        items.addListener((o, a, b) -> changed());
        orderDateText.addListener((o, a, b) -> changed());
        orderDate.addListener((o, a, b) -> com.crmplatform.ui.DateFields.follow(orderDateText, b)); // a date picked from the calendar
    }

    private void changed() {
        prepared = null; // what is saved is what is shown now
        if (showErrors.get()) {
            errors.clear();
            errors.putAll(check());
        }
    }

    private Map<OrderField, String> check() {
        Map<OrderField, String> found = new EnumMap<>(OrderField.class);
        if (customer.get() == null) {
            found.put(OrderField.CUSTOMER, messages.get("order.form.error.customer"));
        }
        BigDecimal a = parseAmount(found);
        List<LineItem> list = parseItems(found);
        LocalDate date = parseDate(found);
        service.validator().validate(a, date, list == null ? List.of() : list).forEach((k, v) -> {
            if (!(found.containsKey(k) && (k == OrderField.AMOUNT || k == OrderField.ORDER_DATE))) {
                found.putIfAbsent(k, v);
            }
        });
        return found;
    }

    private BigDecimal parseAmount(Map<OrderField, String> found) {
        try {
            return com.crmplatform.store.Amounts.parse(amount.get());
        } catch (IllegalArgumentException e) {
            found.put(OrderField.AMOUNT, messages.get("order.form.error.amount", amount.get()));
            return null;
        }
    }

    private LocalDate parseDate(Map<OrderField, String> found) {
        return com.crmplatform.ui.DateFields.read(orderDateText, orderDate.get(), found, OrderField.ORDER_DATE, messages);
    }

    private List<LineItem> parseItems(Map<OrderField, String> found) {
        try {
            return LineItems.parse(items.get());
        } catch (IllegalArgumentException e) {
            found.put(OrderField.ITEMS, e.getMessage());
            return null;
        }
    }

    public void save(Consumer<Order> onSaved) {
        showErrors.set(true);
        formError.set("");
        errors.clear();
        errors.putAll(check());
        if (!errors.isEmpty() || saving.get()) {
            return;
        }
        OrderDraft draft = new OrderDraft(customer.get().id(), parseAmount(new EnumMap<>(OrderField.class)),
                parseDate(new EnumMap<>(OrderField.class)), parseItems(new EnumMap<>(OrderField.class)));
        Order ready = prepared;
        saving.set(true);
        executor.submit(() -> {
            Order order = ready != null ? ready : service.prepare(draft);
            try {
                service.save(order);
            } catch (RuntimeException e) {
                throw new SaveFailed(order, e);
            }
            return order;
        }, order -> {
            saving.set(false);
            onSaved.accept(order);
        }, e -> {
            saving.set(false);
            Throwable cause = e;
            if (e instanceof SaveFailed f) {
                prepared = f.order; // keep the id: saving again is a retry of the same order
                cause = f.getCause();
            }
            if (cause instanceof ValidationException v) {
                v.errors().forEach((k, m) -> errors.put((OrderField) k, m));
            } else {
                formError.set(messages.describe(cause));
            }
        });
    }

    /** A save that failed after the order was made. */
    private static final class SaveFailed extends RuntimeException {
        private final transient Order order;

        SaveFailed(Order order, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.order = order;
        }
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty orderDateTextProperty() {
        return orderDateText;
    }

    public ObjectProperty<LocalDate> orderDateProperty() {
        return orderDate;
    }

    public StringProperty itemsProperty() {
        return items;
    }

    public ObservableMap<OrderField, String> errors() {
        return errors;
    }

    public StringProperty formErrorProperty() {
        return formError;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
