package com.crmplatform.customer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.Services;
import com.crmplatform.app.SqliteStore;
import com.crmplatform.app.Store;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.customer.CustomerSort;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.store.Money;
import com.crmplatform.store.SortDirection;
import com.crmplatform.store.StoreFixture;
import com.crmplatform.store.TestData;
import com.crmplatform.ui.FakeDialogs;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

abstract class CustomersViewModelTest {

    /** The store the view-model works on; SQLite and the MongoDB stand-in each run every test. */
    abstract Store openStore(Path dir);

    @TempDir
    Path dir;
    Services services;
    FakeDialogs dialogs = new FakeDialogs();
    com.crmplatform.customer.CustomerDraft toCreate;
    CustomersViewModel vm;

    @BeforeEach
    void open() {
        services = new Services(new AppConfig(dir, Optional.empty()), openStore(dir), new LocalUser("ann"),
                Clock.systemDefaultZone());
        vm = new CustomersViewModel(services.customers(), services.orders(), services.customerRemovals(), services.exporter(),
                services.demoData(), UiExecutor.currentThread(), dialogs, new CustomerDialogs() {
            @Override
            public void editCustomer(Customer customer, java.util.function.Consumer<Customer> onSaved) {
                if (customer == null && toCreate != null) { // the form saved a new customer
                    onSaved.accept(services.customers().create(toCreate));
                }
            }

            @Override
            public void importCsv(Runnable onImported) {
            }

            @Override
            public void newOrder(Customer customer, Runnable onSaved) {
            }
        }, Messages.load(Locale.ENGLISH)).withConsent(services.consent());
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void people(int n) {
        List<Customer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(TestData.customer(String.format("Person %03d", i), "p" + i + "@example.com", String.valueOf(i), i % 5, null));
        }
        services.store().customers().insertAbsent(list);
    }

    @Test
    void theCustomerPageRecordsAnOptOutAndAskingAgainNeedsConfirming() {
        people(2);
        vm.start();
        vm.selectedProperty().set(vm.page().rows().get(0));
        assertEquals("Subscribed (no opt-out recorded)", vm.consentTextProperty().get());
        vm.toggleConsent();
        assertTrue(vm.unsubscribedProperty().get());
        assertTrue(vm.consentTextProperty().get().startsWith("Unsubscribed on "), vm.consentTextProperty().get());
        assertTrue(vm.consentTextProperty().get().contains("(customer page, by ann)"), vm.consentTextProperty().get());
        assertEquals("Person 000 will get no more marketing email.", vm.messageProperty().get());
        assertTrue(services.consent().of("p0@example.com").orElseThrow().unsubscribed());
        dialogs.answer = false;
        vm.toggleConsent();
        assertTrue(vm.unsubscribedProperty().get(), "not without the customer's word");
        dialogs.answer = true;
        vm.toggleConsent();
        assertFalse(vm.unsubscribedProperty().get());
        vm.selectedProperty().set(vm.page().rows().get(1));
        assertEquals("Subscribed (no opt-out recorded)", vm.consentTextProperty().get());
        // A record that looks later (another workstation's clock ahead) does not swallow a wish made here.
        services.store().consent().record(List.of(new com.crmplatform.customer.Consent("p1@example.com",
                com.crmplatform.customer.Consent.State.SUBSCRIBED, java.time.Instant.now().plusSeconds(3600), "import")));
        assertTrue(services.consent().unsubscribe("p1@example.com", "phone call").unsubscribed());
    }

    @Test
    void aNewCustomerTheSearchLeavesOutIsSelectedAndTheMessageSaysWhyTheListLacksThem() {
        people(3);
        vm.start();
        vm.search("person 001");
        assertEquals(1, vm.page().rows().size());
        toCreate = com.crmplatform.customer.CustomerDraft.of("Zoya Khan", "zoya@example.com");
        vm.newCustomer();
        assertEquals("Zoya Khan", vm.selectedProperty().get().name(), "shown in the details");
        assertEquals("Zoya Khan was added. The search \"person 001\" leaves them out of the list; clear it to see them there.",
                vm.messageProperty().get());
        vm.search("");
        toCreate = com.crmplatform.customer.CustomerDraft.of("Aarav Shah", "aarav@example.com");
        vm.newCustomer();
        assertEquals("Added Aarav Shah.", vm.messageProperty().get());
    }

    @Test
    void anEmptyStoreShowsTheGettingStartedState() {
        vm.start();
        assertTrue(vm.emptyStoreProperty().get());
        people(1);
        vm.refresh();
        assertFalse(vm.emptyStoreProperty().get());
    }

    @Test
    void pagesHoldOnePageAtATimeAndWalkBothWays() {
        people(250);
        vm.start();
        assertEquals(CustomersViewModel.PAGE_SIZE, vm.page().rows().size());
        assertEquals("1–100 of 250 customers", vm.countText().get());
        assertEquals("Person 000", vm.page().rows().get(0).name());
        vm.page().next();
        assertEquals("101–200 of 250 customers", vm.countText().get());
        vm.page().next();
        assertEquals(50, vm.page().rows().size());
        assertEquals("201–250 of 250 customers", vm.countText().get());
        assertFalse(vm.page().hasNextProperty().get());
        vm.page().previous();
        assertEquals("Person 100", vm.page().rows().get(0).name());
        assertEquals("101–200 of 250 customers", vm.countText().get());
        vm.page().last();
        assertEquals("Person 249", vm.page().rows().get(vm.page().rows().size() - 1).name());
        assertEquals("151–250 of 250 customers", vm.countText().get());
        vm.page().first();
        assertEquals("1–100 of 250 customers", vm.countText().get());
    }

    @Test
    void aPageAfterTheFirstRefreshesToTheSameRowsWhateverTheIdsEndIn() {
        List<Customer> list = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String id = String.format("%023x", 8192 + i) + (i % 2 == 0 ? "0" : "a");
            list.add(new Customer(id, String.format("Person %03d", i), "r" + i + "@example.com", "", "", Money.ZERO, 0, null,
                    TestData.AUDIT));
        }
        services.store().customers().insertAbsent(list);
        vm.start();
        vm.page().next();
        List<String> before = vm.page().rows().stream().map(Customer::id).toList();
        vm.page().refresh();
        assertEquals("", vm.messageProperty().get());
        assertEquals(before, vm.page().rows().stream().map(Customer::id).toList());
        assertEquals("Person 100", vm.page().rows().get(0).name());
    }

    @Test
    void searchNarrowsTheListAndTheCount() {
        people(30);
        services.store().customers().insert(TestData.customer("Zoya Qureshi", "zoya@example.com"));
        vm.start();
        vm.search("  qur ");
        assertEquals(List.of("Zoya Qureshi"), vm.page().rows().stream().map(Customer::name).toList());
        assertEquals("1 customer", vm.countText().get());
        vm.search("");
        assertEquals(31, vm.page().totalProperty().get());
        // The detail pane never shows someone the search left out.
        vm.selectedProperty().set(vm.page().rows().get(0));
        vm.search("qureshi");
        assertEquals(null, vm.selectedProperty().get());
        vm.selectedProperty().set(vm.page().rows().get(0));
        vm.search("zoya");
        assertEquals("Zoya Qureshi", vm.selectedProperty().get().name(), "kept when still listed");
    }

    @Test
    void sortingByTotalSpendDescendingPutsTheBiggestSpenderFirst() {
        people(20);
        vm.start();
        vm.sortBy(CustomerSort.TOTAL_SPEND, SortDirection.DESCENDING);
        assertEquals(new BigDecimal("19.00"), vm.page().rows().get(0).totalSpend());
    }

    @Test
    void deleteAsksFirstAndCanBeUndoneWithTheOrders() {
        Customer c = TestData.customer("Kiran Das", "kiran@example.com");
        services.store().customers().insert(c);
        services.store().orders().create(TestData.order(c, "99.00", LocalDate.of(2026, 1, 1)));
        vm.start();
        vm.selectedProperty().set(services.customers().find(c.id()).orElseThrow());
        assertEquals(1, vm.selectedOrders().size());

        dialogs.answer = false;
        vm.deleteSelected();
        assertEquals(1, services.customers().count(CustomerQuery.all()), "not deleted without a yes");

        dialogs.answer = true;
        vm.deleteSelected();
        assertEquals(0, services.customers().count(CustomerQuery.all()));
        assertTrue(vm.emptyStoreProperty().get());
        assertEquals(List.of("Deleted Kiran Das."), dialogs.notices);

        dialogs.lastAction.run(); // Undo
        assertEquals(new BigDecimal("99.00"), services.customers().find(c.id()).orElseThrow().totalSpend());
        assertEquals(1, services.orders().count(OrderQuery.ofCustomer(c.id())));
        assertEquals(1, vm.page().rows().size());
    }
}

class SqliteCustomersViewModelTest extends CustomersViewModelTest {
    @Override
    Store openStore(Path dir) {
        return SqliteStore.open(dir);
    }
}

class MongoCustomersViewModelTest extends CustomersViewModelTest {
    private StoreFixture.MongoFixture mongo;

    @Override
    Store openStore(Path dir) {
        mongo = StoreFixture.mongo();
        return mongo.store();
    }

    @org.junit.jupiter.api.AfterEach
    void stopServer() {
        mongo.close();
    }
}
