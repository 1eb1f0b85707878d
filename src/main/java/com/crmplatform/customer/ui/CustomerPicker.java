package com.crmplatform.customer.ui;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.customer.CustomerService;
import com.crmplatform.customer.CustomerSort;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.SortDirection;
import com.crmplatform.ui.Debouncer;
import com.crmplatform.ui.UiExecutor;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.util.Duration;

/**
 * A text field that finds a customer as the user types (name, email or phone) and offers the
 * first matches in a drop-down; choosing one sets {@link #customerProperty()}.
 */
public final class CustomerPicker {

    private static final int SUGGESTIONS = 8;

    private final TextField field;
    private final CustomerService customers;
    private final UiExecutor executor;
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final ContextMenu menu = new ContextMenu();
    private UiExecutor.Handle pending;
    private boolean choosing;

    public CustomerPicker(TextField field, CustomerService customers, UiExecutor executor) {
        this.field = field;
        this.customers = customers;
        this.executor = executor;
        Debouncer debounce = Debouncer.fx(Duration.millis(200));
        field.textProperty().addListener((o, a, text) -> {
            if (choosing) {
                return;
            }
            customer.set(null);
            debounce.trigger(() -> suggest(field.getText()));
        });
        field.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                menu.hide();
            }
        });
    }

    private void suggest(String text) {
        if (pending != null) {
            pending.cancel();
        }
        if (text == null || text.isBlank()) {
            menu.hide();
            return;
        }
        CustomerQuery q = new CustomerQuery(text, CustomerSort.NAME, SortDirection.ASCENDING);
        pending = executor.submit(() -> customers.page(q, PageRequest.first(SUGGESTIONS)).items(), this::show, e -> menu.hide());
    }

    private void show(List<Customer> matches) {
        menu.getItems().clear();
        for (Customer c : matches) {
            MenuItem item = new MenuItem(c.name() + "  ·  " + c.email());
            item.setOnAction(e -> choose(c));
            menu.getItems().add(item);
        }
        if (matches.isEmpty()) {
            menu.hide();
        } else if (!menu.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
            menu.show(field, Side.BOTTOM, 0, 0);
        }
    }

    /** Sets the chosen customer and shows it in the field. */
    public void choose(Customer c) {
        choosing = true;
        try {
            field.setText(c == null ? "" : c.name() + " <" + c.email() + ">");
            customer.set(c);
        } finally {
            choosing = false;
        }
        menu.hide();
    }

    /** The picker follows {@code chosen} and sets it: a filter cleared elsewhere clears the field too. */
    public void follow(ObjectProperty<Customer> chosen) {
        customer.addListener((o, a, c) -> chosen.set(c));
        chosen.addListener((o, a, c) -> {
            if (c == null && customer.get() != null) {
                choose(null);
            }
        });
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }
}
