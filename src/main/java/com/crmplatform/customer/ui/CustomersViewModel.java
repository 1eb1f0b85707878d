package com.crmplatform.customer.ui;

import com.crmplatform.auth.LocalUser;
import com.crmplatform.customer.Consent;
import com.crmplatform.customer.ConsentService;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.customer.CustomerService;
import com.crmplatform.customer.CustomerSort;
import com.crmplatform.importexport.CsvExporter;
import com.crmplatform.importexport.DemoData;
import com.crmplatform.order.CustomerRemovalService;
import com.crmplatform.order.DeletedCustomer;
import com.crmplatform.order.LineItems;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.order.OrderService;
import com.crmplatform.store.Cursor;
import com.crmplatform.store.Dates;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.SortDirection;
import com.crmplatform.ui.DialogService;
import com.crmplatform.ui.Formats;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.PagedList;
import com.crmplatform.ui.UiExecutor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** The customers screen: a searchable, sortable page of customers and the selected one's orders. */
public final class CustomersViewModel {

    public static final int PAGE_SIZE = 100;

    private final CustomerService customers;
    private final OrderService orders;
    private final CustomerRemovalService removals;
    private final CsvExporter exporter;
    private final DemoData demoData;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final CustomerDialogs customerDialogs;
    private final Messages messages;
    private final PagedList<Customer> page;
    private final ObjectProperty<Customer> selected = new SimpleObjectProperty<>();
    private final ObservableList<Order> selectedOrders = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private String search = "";
    private CustomerSort sort = CustomerSort.NAME;
    private SortDirection direction = SortDirection.ASCENDING;
    private UiExecutor.Handle detailLoad;

    public CustomersViewModel(CustomerService customers, OrderService orders, CustomerRemovalService removals,
                              CsvExporter exporter, DemoData demoData, UiExecutor executor, DialogService dialogs,
                              CustomerDialogs customerDialogs, Messages messages) {
        this.customers = customers;
        this.orders = orders;
        this.removals = removals;
        this.exporter = exporter;
        this.demoData = demoData;
        this.executor = executor;
        this.dialogs = dialogs;
        this.customerDialogs = customerDialogs;
        this.messages = messages;
        this.page = new PagedList<>(executor, PAGE_SIZE, c -> new Cursor(sort.keyOf(c), c.id()),
                e -> message.set(messages.describe(e)));
        selected.addListener((o, old, now) -> loadDetail(now));
        // After a new search or sort, a customer who is not in the results is no longer shown as selected.
        page.rows().addListener((ListChangeListener<Customer>) c -> {
            Customer s = selected.get();
            if (newListing && s != null && page.rows().stream().noneMatch(r -> r.id().equals(s.id()))) {
                selected.set(null);
            }
            newListing = false;
        });
    }

    /** True from a new search or sort until its first page is shown. */
    private boolean newListing;

    /** What the detail pane shows of a customer; {@code null} shows that nobody is selected. */
    public record Detail(String name, String email, String phone, String city, String spend, String visits,
                         String lastPurchase, String updated) {
    }

    public Detail detailOf(Customer c) {
        if (c == null) {
            return new Detail(messages.get("customer.detail.none"), "", "", "", "", "", "", "");
        }
        return new Detail(c.name(), c.email(), c.phone(), c.city(), Formats.money(c.totalSpend()), String.valueOf(c.visits()),
                Formats.date(c.lastPurchaseDate()), messages.get("customer.detail.updated",
                Formats.dateTime(c.audit().updatedAt()), LocalUser.readable(c.audit().updatedBy())));
    }

    /** One order in the detail pane: date, amount, items, and whether it was cancelled. */
    public String describe(Order o) {
        String items = o.items().isEmpty() ? "" : " · " + LineItems.format(o.items());
        return Formats.date(o.orderDate()) + "   " + Formats.money(o.amount()) + items
                + (o.isActive() ? "" : "   " + messages.get("order.status.cancelled"));
    }

    /** "Orders (3)" over the selected customer's orders. */
    public StringBinding ordersHeading() {
        return Bindings.createStringBinding(
                () -> messages.get("customer.orders.heading", selectedOrders().size()), selectedOrders());
    }

    /** Shows the first page; called when the screen opens. */
    public void start() {
        reload();
    }

    public void search(String text) {
        String normal = text == null ? "" : text.strip();
        if (!normal.equals(search)) {
            search = normal;
            message.set(""); // what the last action said is about the last listing
            reload();
        }
    }

    public void sortBy(CustomerSort newSort, SortDirection newDirection) {
        if (newSort != sort || newDirection != direction) {
            sort = newSort;
            direction = newDirection;
            reload();
        }
    }

    private void reload() {
        newListing = true;
        CustomerQuery q = new CustomerQuery(search, sort, direction);
        page.show(r -> customers.page(q, r), () -> customers.count(q));
    }

    /** Reads the page and the selected customer again (after an edit, an order, an import). */
    public void refresh() {
        page.refresh();
        Customer current = selected.get();
        if (current != null) {
            executor.submit(() -> customers.find(current.id()), found -> {
                if (selected.get() == current) {
                    selected.set(found.orElse(null));
                }
            }, e -> message.set(messages.describe(e)));
        }
    }

    private ConsentService consent;
    private UiExecutor.Handle consentLoad;
    private final StringProperty consentText = new SimpleStringProperty("");
    private final BooleanProperty unsubscribed = new SimpleBooleanProperty();

    /** Shows and records the selected customer's marketing consent. */
    public CustomersViewModel withConsent(ConsentService consent) {
        this.consent = consent;
        return this;
    }

    /** "Subscribed" or "Unsubscribed on 30-Nov-2026 (customer page, by ann)" for the selected customer. */
    public StringProperty consentTextProperty() {
        return consentText;
    }

    /** True when the selected customer opted out of marketing. */
    public BooleanProperty unsubscribedProperty() {
        return unsubscribed;
    }

    private void loadConsent(Customer c) {
        if (consentLoad != null) {
            consentLoad.cancel();
        }
        consentText.set("");
        unsubscribed.set(false);
        if (c == null || consent == null) {
            return;
        }
        consentLoad = executor.submit(() -> consent.of(c.email()), this::showConsent, e -> message.set(messages.describe(e)));
    }

    private void showConsent(Optional<Consent> said) {
        unsubscribed.set(said.map(Consent::unsubscribed).orElse(false));
        consentText.set(said.map(k -> messages.get("customer.consent." + k.state().name().toLowerCase(Locale.ROOT),
                Dates.show(LocalDate.ofInstant(k.at(), ZoneId.systemDefault())), k.how()))
                .orElse(messages.get("customer.consent.none")));
    }

    /**
     * Records the selected customer's wish: no more marketing email (at once), or marketing email
     * again (only after confirming that the customer asked for it).
     */
    public void toggleConsent() {
        Customer c = selected.get();
        if (c == null || consent == null) {
            return;
        }
        boolean again = unsubscribed.get();
        if (again && !dialogs.confirm(messages.get("customer.consent.again.title"), messages.get(
                "customer.consent.again.confirm", c.name(), c.email()), messages.get("customer.consent.again"))) {
            return;
        }
        executor.submit(() -> Optional.of(again ? consent.subscribe(c.email(), "customer page")
                : consent.unsubscribe(c.email(), "customer page")), said -> {
            showConsent(said);
            message.set(messages.get(again ? "customer.consent.again.done" : "customer.consent.unsubscribe.done", c.name()));
        }, e -> message.set(messages.describe(e)));
    }

    private void loadDetail(Customer c) {
        loadConsent(c);
        if (detailLoad != null) {
            detailLoad.cancel();
        }
        if (c == null) {
            selectedOrders.clear();
            return;
        }
        detailLoad = executor.submit(() -> orders.page(OrderQuery.ofCustomer(c.id()), PageRequest.first(50)),
                p -> selectedOrders.setAll(p.items()), e -> message.set(messages.describe(e)));
    }

    public void newCustomer() {
        customerDialogs.editCustomer(null, saved -> { // the new customer is shown and selected
            message.set(messages.get("customer.created", saved.name()));
            selected.set(saved);
            if (!search.isEmpty()) { // said when the search in force leaves them out of the list
                String q = search;
                page.rows().addListener(new ListChangeListener<Customer>() {
                    @Override
                    public void onChanged(Change<? extends Customer> c) {
                        page.rows().removeListener(this);
                        if (page.rows().stream().noneMatch(r -> r.id().equals(saved.id()))) {
                            message.set(messages.get("customer.created.hidden", saved.name(), q));
                        }
                    }
                });
            }
            refresh();
        });
    }

    public void editSelected() {
        Customer c = selected.get();
        if (c != null) {
            customerDialogs.editCustomer(c, saved -> refresh());
        }
    }

    public void newOrderForSelected() {
        Customer c = selected.get();
        if (c != null) {
            customerDialogs.newOrder(c, this::refresh);
        }
    }

    /** Deletes the selected customer after confirmation; a notice offers Undo. */
    public void deleteSelected() {
        Customer c = selected.get();
        if (c == null || !dialogs.confirm(messages.get("customer.delete.title"),
                messages.get("customer.delete.message", c.name(), c.email()), messages.get("customer.delete.confirm"))) {
            return;
        }
        executor.submit(() -> removals.delete(c), deleted -> {
            selected.set(null);
            refresh();
            dialogs.notify(messages.get("customer.delete.done", c.name()), messages.get("action.undo"), () -> undo(deleted));
        }, e -> dialogs.showError(messages.get("customer.delete.title"), messages.describe(e)));
    }

    private void undo(DeletedCustomer deleted) {
        executor.submit(() -> {
            removals.undo(deleted);
            return deleted.customer();
        }, restored -> {
            refresh();
            message.set(messages.get("customer.delete.undone", restored.name()));
        }, e -> dialogs.showError(messages.get("action.undo"), messages.describe(e)));
    }

    public void importCsv() {
        customerDialogs.importCsv(this::refresh);
    }

    public void exportCsv() {
        dialogs.chooseCsvToSave(messages.get("customer.export.title"), "customers.csv").ifPresent(file -> {
            busy.set(true);
            executor.submit(() -> exporter.exportCustomers(file), n -> {
                busy.set(false);
                message.set(messages.get("customer.export.done", n, file));
            }, e -> {
                busy.set(false);
                dialogs.showError(messages.get("customer.export.title"), messages.describe(e));
            });
        });
    }

    /** Fills an empty store with demo customers and orders. */
    public void loadDemoData() {
        busy.set(true);
        message.set(messages.get("customer.demo.loading"));
        executor.submit(() -> demoData.seed(500, 1500, System.nanoTime(), n -> { }), s -> {
            busy.set(false);
            message.set(messages.get("customer.demo.done", s.customers(), s.orders()));
            reload();
        }, e -> {
            busy.set(false);
            dialogs.showError(messages.get("customer.demo.title"), messages.describe(e));
        });
    }

    public PagedList<Customer> page() {
        return page;
    }

    public ObjectProperty<Customer> selectedProperty() {
        return selected;
    }

    public ObservableList<Order> selectedOrders() {
        return selectedOrders;
    }

    /** True when the store has no customers at all: the screen shows how to get started. */
    public BooleanBinding emptyStoreProperty() {
        return Bindings.createBooleanBinding(() -> page.totalProperty().get() == 0 && search.isEmpty(),
                page.totalProperty());
    }

    public StringBinding countText() {
        return Bindings.createStringBinding(() -> {
            String range = page.range(n -> messages.get("customer.count", n), messages.get("pager.of"));
            return range == null ? messages.get("customer.count.counting") : range; // "101–200 of 2,500 orders"
        }, page.totalProperty(), page.startProperty(), page.rows());
    }

    /** Totals of the selected customer's listed orders, for the detail pane. */
    public BigDecimal listedOrdersTotal() {
        return selectedOrders.stream().filter(Order::isActive).map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public CustomerSort sort() {
        return sort;
    }
}
