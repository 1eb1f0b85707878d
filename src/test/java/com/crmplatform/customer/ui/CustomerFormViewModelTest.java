package com.crmplatform.customer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerField;
import com.crmplatform.customer.CustomerService;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerFormViewModelTest {

    @TempDir
    Path dir;
    SqliteStore store;
    CustomerService service;
    Messages messages = Messages.load(Locale.ENGLISH);
    List<Customer> saved = new ArrayList<>();

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir);
        service = new CustomerService(store.customers(), new LocalUser("ann"), Clock.systemDefaultZone());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CustomerFormViewModel form(Customer c) {
        return new CustomerFormViewModel(service, UiExecutor.currentThread(), messages, c);
    }

    @Test
    void fieldErrorsShowAfterTheFirstSaveAndFollowTheTyping() {
        CustomerFormViewModel f = form(null);
        f.emailProperty().set("nope");
        assertTrue(f.errors().isEmpty(), "no red before the user tries to save");
        f.totalSpendProperty().set("-5");
        f.visitsProperty().set("two");
        f.save(saved::add);
        assertTrue(saved.isEmpty());
        assertEquals("Name is required.", f.errors().get(CustomerField.NAME));
        assertTrue(f.errors().get(CustomerField.EMAIL).contains("nope"));
        assertTrue(f.errors().get(CustomerField.TOTAL_SPEND).contains("negative"));
        assertTrue(f.errors().get(CustomerField.VISITS).contains("two"));
        f.nameProperty().set("Deepa Menon");
        assertNull(f.errors().get(CustomerField.NAME), "fixing a field clears its error at once");
        f.emailProperty().set("deepa@example.com");
        f.totalSpendProperty().set("1,250.50");
        f.visitsProperty().set("3");
        f.save(saved::add);
        assertEquals(1, saved.size());
        assertEquals(new BigDecimal("1250.50"), service.findByEmail("DEEPA@example.com").orElseThrow().totalSpend());
        assertEquals("local:ann", saved.get(0).audit().createdBy());
    }

    @Test
    void aDuplicateEmailIsShownOnTheEmailFieldAndNothingTypedIsLost() {
        CustomerFormViewModel first = form(null);
        first.nameProperty().set("A");
        first.emailProperty().set("same@example.com");
        first.save(saved::add);
        CustomerFormViewModel second = form(null);
        second.nameProperty().set("B Person");
        second.emailProperty().set("SAME@example.com");
        second.cityProperty().set("Kochi");
        second.save(saved::add);
        assertEquals(1, saved.size());
        assertTrue(second.errors().get(CustomerField.EMAIL).contains("already has the email"));
        assertEquals("B Person", second.nameProperty().get());
        assertEquals("Kochi", second.cityProperty().get());
    }

    @Test
    void aStaleEditIsRefusedWithAMessageAndKeepsTheTypedValues() {
        CustomerFormViewModel create = form(null);
        create.nameProperty().set("Original");
        create.emailProperty().set("o@example.com");
        create.save(saved::add);
        Customer opened = saved.get(0);
        CustomerFormViewModel mine = form(opened);
        CustomerFormViewModel theirs = form(opened);
        theirs.cityProperty().set("Their city");
        theirs.save(saved::add);
        mine.nameProperty().set("My change");
        mine.save(saved::add);
        assertEquals(2, saved.size(), "my save was refused");
        assertTrue(mine.formErrorProperty().get().contains("Someone else changed this customer"));
        assertEquals("My change", mine.nameProperty().get());
        assertEquals("Their city", service.find(opened.id()).orElseThrow().city());
        mine.reload();
        assertEquals("Their city", mine.cityProperty().get());
        mine.nameProperty().set("My change");
        mine.save(saved::add);
        assertEquals("My change", service.find(opened.id()).orElseThrow().name());
    }
}
