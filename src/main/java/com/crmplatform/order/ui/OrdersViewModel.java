package com.crmplatform.order.ui;

import com.crmplatform.customer.Customer;
import com.crmplatform.importexport.CsvExporter;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.order.OrderService;
import com.crmplatform.order.OrderSort;
import com.crmplatform.store.Cursor;
import com.crmplatform.store.Dates;
import com.crmplatform.store.Money;
import com.crmplatform.store.SortDirection;
import com.crmplatform.ui.DialogService;
import com.crmplatform.ui.Formats;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.PagedList;
import com.crmplatform.ui.UiExecutor;
import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The orders screen: orders newest first, filtered by customer and date range. */
public final class OrdersViewModel {

    public static final int PAGE_SIZE = 100;

    private final OrderService orders;
    private final CsvExporter exporter;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final OrderDialogs orderDialogs;
    private final Messages messages;
    private final PagedList<Order> page;
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    /** The date filters as typed: text that is not a date is said, and the filter stays as it was. */
    private final StringProperty fromText = new SimpleStringProperty("");
    private final StringProperty toText = new SimpleStringProperty("");
    private final ObjectProperty<Order> selected = new SimpleObjectProperty<>();
    /** What the listed orders add up to (cancelled left out); null while it is being added up. */
    private final ObjectProperty<java.math.BigDecimal> sum = new SimpleObjectProperty<>();
    private UiExecutor.Handle pendingSum;
    private OrderQuery lastQuery;
    private OrderSort sort = OrderSort.DATE;
    private boolean descending = true;
    private final StringProperty message = new SimpleStringProperty("");

    public OrdersViewModel(OrderService orders, CsvExporter exporter, UiExecutor executor, DialogService dialogs, OrderDialogs orderDialogs,
                           Messages messages) {
        this.orders = orders;
        this.exporter = exporter;
        this.executor = executor;
        this.dialogs = dialogs;
        this.orderDialogs = orderDialogs;
        this.messages = messages;
        this.page = new PagedList<>(executor, PAGE_SIZE, o -> new Cursor(sort.keyOf(o), o.id()),
                e -> message.set(messages.describe(e)));
        customer.addListener((o, a, b) -> reload());
        from.addListener((o, a, b) -> reload());
        to.addListener((o, a, b) -> reload());
        fromText.addListener((o, a, b) -> typed(b, from));
        toText.addListener((o, a, b) -> typed(b, to));
    }

    /** A date filter's text is no date (its message is showing). */
    private boolean dateTextWrong;

    private void typed(String text, ObjectProperty<LocalDate> filter) {
        try {
            LocalDate d = Dates.parse(text);
            if (!java.util.Objects.equals(d, filter.get())) {
                filter.set(d); // reloads
            } else if (dateTextWrong) {
                reload(); // the list is this date's already: only the message about the text goes
            }
            dateTextWrong = false;
        } catch (IllegalArgumentException e) {
            dateTextWrong = true;
            message.set(messages.get("form.error.date", text.strip(), Dates.EXAMPLES));
        }
    }

    public void reload() {
        if (from.get() != null && to.get() != null && from.get().isAfter(to.get())) {
            message.set(messages.get("order.filter.badRange"));
            return;
        }
        message.set("");
        OrderQuery q = new OrderQuery(customer.get() == null ? null : customer.get().id(), from.get(), to.get(), sort,
                descending);
        page.show(r -> orders.page(q, r), () -> orders.count(q));
        lastQuery = q;
        addUp(q);
    }

    /** Sorts the list by a column (clicking its header); the first page of the new order is shown. */
    public void sortBy(OrderSort newSort, SortDirection direction) {
        boolean desc = direction == SortDirection.DESCENDING;
        if (newSort != sort || desc != descending) {
            sort = newSort;
            descending = desc;
            reload();
        }
    }

    private void addUp(OrderQuery q) {
        if (pendingSum != null) {
            pendingSum.cancel();
        }
        sum.set(null);
        pendingSum = executor.submit(() -> orders.activeTotal(q), sum::set, e -> message.set(messages.describe(e)));
    }

    public void refresh() {
        page.refresh();
        if (lastQuery != null) {
            addUp(lastQuery); // a cancelled or new order moves the sum
        }
    }

    public void clearFilters() {
        customer.set(null);
        from.set(null);
        to.set(null);
    }

    public void newOrder() {
        orderDialogs.newOrder(customer.get(), this::refresh);
    }

    /** Cancels the selected order after confirmation; its amount leaves the customer's totals. */
    public void cancelSelected() {
        Order o = selected.get();
        if (o == null || !o.isActive()) {
            return;
        }
        if (!dialogs.confirm(messages.get("order.cancel.title"), messages.get("order.cancel.message",
                Formats.money(o.amount()), o.customerName(), Formats.date(o.orderDate())), messages.get("order.cancel.confirm"))) {
            return;
        }
        executor.submit(() -> orders.cancel(o), c -> {
            message.set(messages.get("order.cancel.done", c.customerName()));
            refresh();
        }, e -> dialogs.showError(messages.get("order.cancel.title"), messages.describe(e)));
    }

    public void importCsv() {
        orderDialogs.importOrdersCsv(this::refresh);
    }

    public void exportCsv() {
        dialogs.chooseCsvToSave(messages.get("order.export.title"), "orders.csv").ifPresent(file ->
                executor.submit(() -> exporter.exportOrders(file),
                        n -> message.set(messages.get("order.export.done", n, file)),
                        e -> dialogs.showError(messages.get("order.export.title"), messages.describe(e))));
    }

    public PagedList<Order> page() {
        return page;
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public StringProperty fromTextProperty() {
        return fromText;
    }

    public StringProperty toTextProperty() {
        return toText;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Whether the selected order can be cancelled (there is one, and it is active). */
    public javafx.beans.binding.BooleanBinding canCancel() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().isActive(),
                selected);
    }

    public String status(Order o) {
        return messages.get(o.isActive() ? "order.status.active" : "order.status.cancelled");
    }

    public ObjectProperty<Order> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringBinding countText() {
        return Bindings.createStringBinding(() -> {
            String range = page.range(n -> messages.get("order.count", n), messages.get("pager.of"));
            if (range == null) {
                return messages.get("order.count.counting");
            }
            // "101–200 of 2,500 orders · ₹1,23,45,678.90 in all (cancelled orders left out)"
            return sum.get() == null || page.totalProperty().get() == 0 ? range
                    : range + " · " + messages.get("order.sum", Money.rupees(sum.get()));
        }, page.totalProperty(), page.startProperty(), page.rows(), sum);
    }
}
