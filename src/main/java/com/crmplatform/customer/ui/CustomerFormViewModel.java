package com.crmplatform.customer.ui;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerDraft;
import com.crmplatform.customer.CustomerField;
import com.crmplatform.customer.CustomerService;
import com.crmplatform.customer.ValidationException;
import com.crmplatform.store.DuplicateEmailException;
import com.crmplatform.store.Money;
import com.crmplatform.store.StaleRecordException;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
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
 * The create/edit form of a customer. The typed values live here until saved; a failed save
 * (invalid field, duplicate email, someone else's change) keeps them all and says what to fix.
 */
public final class CustomerFormViewModel {

    private final CustomerService service;
    private final UiExecutor executor;
    private final Messages messages;
    private Customer original;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty totalSpend = new SimpleStringProperty("");
    private final StringProperty visits = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> lastPurchaseDate = new SimpleObjectProperty<>();
    /** The last purchase as typed: text that is not a date is an error on the field, never dropped. */
    private final StringProperty lastPurchaseText = new SimpleStringProperty("");
    private final ObservableMap<CustomerField, String> errors = FXCollections.observableHashMap();
    private final StringProperty formError = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final BooleanProperty showErrors = new SimpleBooleanProperty();

    public CustomerFormViewModel(CustomerService service, UiExecutor executor, Messages messages, Customer original) {
        this.service = service;
        this.executor = executor;
        this.messages = messages;
        load(original);
        for (StringProperty p : new StringProperty[] {name, email, phone, city, totalSpend, visits, lastPurchaseText}) {
            p.addListener((o, a, b) -> revalidate());
        }
        lastPurchaseDate.addListener((o, a, b) -> {
            com.crmplatform.ui.DateFields.follow(lastPurchaseText, b); // picked from the calendar
            revalidate();
        });
    }

    private void load(Customer c) {
        this.original = c;
        if (c != null) {
            name.set(c.name());
            email.set(c.email());
            phone.set(c.phone());
            city.set(c.city());
            totalSpend.set(c.totalSpend().toPlainString());
            visits.set(String.valueOf(c.visits()));
            lastPurchaseDate.set(c.lastPurchaseDate());
            lastPurchaseText.set(com.crmplatform.store.Dates.show(c.lastPurchaseDate()));
        }
    }

    public boolean isNew() {
        return original == null;
    }

    /** Field errors appear once the user tried to save, then follow every keystroke. */
    private void revalidate() {
        if (showErrors.get()) {
            errors.clear();
            errors.putAll(check());
        }
    }

    private Map<CustomerField, String> check() {
        Map<CustomerField, String> found = new EnumMap<>(CustomerField.class);
        BigDecimal spend = parseMoney(found);
        Integer v = parseVisits(found);
        LocalDate last = parseDate(found);
        CustomerDraft d = new CustomerDraft(name.get(), email.get(), phone.get(), city.get(),
                spend == null ? Money.ZERO : spend, v == null ? 0 : v, last);
        service.validator().validate(d).forEach(found::putIfAbsent);
        return found;
    }

    private BigDecimal parseMoney(Map<CustomerField, String> found) {
        try {
            BigDecimal v = com.crmplatform.store.Amounts.parse(totalSpend.get());
            return v == null ? Money.ZERO : v;
        } catch (IllegalArgumentException e) {
            found.put(CustomerField.TOTAL_SPEND, messages.get("customer.form.error.amount", totalSpend.get()));
            return null;
        }
    }

    /** The typed last purchase; the calendar's choice arrives here as text too. */
    private LocalDate parseDate(Map<CustomerField, String> found) {
        return com.crmplatform.ui.DateFields.read(lastPurchaseText, lastPurchaseDate.get(), found,
                CustomerField.LAST_PURCHASE_DATE, messages);
    }

    private Integer parseVisits(Map<CustomerField, String> found) {
        String s = visits.get().strip();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(s.replace(",", ""));
            return n;
        } catch (NumberFormatException e) {
            found.put(CustomerField.VISITS, messages.get("customer.form.error.visits", visits.get()));
            return null;
        }
    }

    /** Saves in the background; {@code onSaved} gets the stored customer, on the FX thread. */
    public void save(Consumer<Customer> onSaved) {
        showErrors.set(true);
        formError.set("");
        revalidate();
        if (!errors.isEmpty() || saving.get()) {
            return;
        }
        CustomerDraft draft = new CustomerDraft(name.get(), email.get(), phone.get(), city.get(), parseMoney(errors),
                parseVisits(errors), parseDate(errors));
        Customer base = original;
        saving.set(true);
        executor.submit(() -> base == null ? service.create(draft) : service.update(base, draft), saved -> {
            saving.set(false);
            onSaved.accept(saved);
        }, e -> {
            saving.set(false);
            if (e instanceof DuplicateEmailException) {
                errors.put(CustomerField.EMAIL, messages.get("customer.form.error.duplicate", email.get().strip()));
            } else if (e instanceof ValidationException v) {
                v.errors().forEach((k, m) -> errors.put((CustomerField) k, m));
            } else if (e instanceof StaleRecordException) {
                formError.set(messages.get("customer.form.error.stale"));
            } else {
                formError.set(messages.describe(e));
            }
        });
    }

    /** After a refused stale edit: shows the stored version, to change again from there. */
    public void reload() {
        if (original == null) {
            return;
        }
        String id = original.id();
        executor.submit(() -> service.find(id), found -> {
            formError.set("");
            found.ifPresentOrElse(this::load, () -> formError.set(messages.get("customer.form.error.gone")));
        }, e -> formError.set(messages.describe(e)));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty cityProperty() {
        return city;
    }

    public StringProperty totalSpendProperty() {
        return totalSpend;
    }

    public StringProperty visitsProperty() {
        return visits;
    }

    public StringProperty lastPurchaseTextProperty() {
        return lastPurchaseText;
    }

    public ObjectProperty<LocalDate> lastPurchaseDateProperty() {
        return lastPurchaseDate;
    }

    public ObservableMap<CustomerField, String> errors() {
        return errors;
    }

    public StringProperty formErrorProperty() {
        return formError;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
