package com.crmplatform.order.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.Services;
import com.crmplatform.app.SqliteStore;
import com.crmplatform.app.Store;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.customer.Customer;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderStatus;
import com.crmplatform.store.Audit;
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

/** The orders screen's view-model, on the local store and on the MongoDB stand-in. */
abstract class OrdersViewModelTest {

    abstract Store openStore(Path dir);

    @TempDir
    Path dir;
    Services services;
    FakeDialogs dialogs = new FakeDialogs();
    OrdersViewModel vm;
    final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    Customer asha;
    Customer ravi;

    @BeforeEach
    void open() {
        services = new Services(new AppConfig(dir, Optional.empty()), openStore(dir), new LocalUser("ann"), Clock.systemDefaultZone());
        asha = TestData.customer("Asha Rao", "asha@example.com");
        ravi = TestData.customer("Ravi Kumar", "ravi@example.com");
        services.store().customers().insertAbsent(List.of(asha, ravi));
        List<Order> list = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            // ids ending in 0 and a: a page after the first must still refresh
            String id = String.format("%023x", 16384 + i) + (i % 2 == 0 ? "0" : "a");
            Customer c = i % 5 == 0 ? ravi : asha;
            list.add(new Order(id, c.id(), c.name(), c.email(), new BigDecimal("100.00"), LocalDate.of(2026, 1, 1).plusDays(i % 200),
                    List.of(), OrderStatus.ACTIVE, Audit.created(TestData.NOW, "local:test")));
        }
        services.store().orders().createAll(list);
        UiExecutor counting = new UiExecutor() {
            final UiExecutor now = UiExecutor.currentThread();

            @Override
            public <T> Handle submit(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                                     java.util.function.Consumer<Throwable> onFailure) {
                reads.incrementAndGet();
                return now.submit(work, onSuccess, onFailure);
            }
        };
        vm = new OrdersViewModel(services.orders(), services.exporter(), counting, dialogs, new OrderDialogs() {
            @Override
            public void newOrder(Customer customer, Runnable onSaved) {
            }

            @Override
            public void importOrdersCsv(Runnable onImported) {
            }
        }, Messages.load(Locale.ENGLISH));
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void pagesNewestFirstFilterByCustomerAndDatesAndRefreshAfterTheFirstPage() {
        vm.reload();
        assertEquals(OrdersViewModel.PAGE_SIZE, vm.page().rows().size());
        assertTrue(vm.countText().get().startsWith("1–100 of 250 orders · ₹"), vm.countText().get());
        java.math.BigDecimal all = services.orders().page(com.crmplatform.order.OrderQuery.all(),
                com.crmplatform.store.PageRequest.first(1000)).items().stream().filter(Order::isActive).map(Order::amount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertTrue(vm.countText().get().contains(com.crmplatform.store.Money.rupees(all) + " in all"), vm.countText().get());
        vm.page().next();
        List<String> second = vm.page().rows().stream().map(Order::id).toList();
        vm.refresh();
        assertEquals("", vm.messageProperty().get());
        assertEquals(second, vm.page().rows().stream().map(Order::id).toList());
        vm.customerProperty().set(ravi);
        assertEquals(50, vm.page().totalProperty().get());
        vm.fromProperty().set(LocalDate.of(2026, 3, 1));
        assertTrue(vm.page().rows().stream().allMatch(o -> !o.orderDate().isBefore(LocalDate.of(2026, 3, 1))
                && o.customerId().equals(ravi.id())));
        vm.clearFilters();
        assertEquals(250, vm.page().totalProperty().get());
        // Typed filters: day first as the tables' dates; text that is no date is said, the filter kept.
        vm.fromTextProperty().set("01/03/2026");
        assertEquals(LocalDate.of(2026, 3, 1), vm.fromProperty().get());
        long filtered = vm.page().totalProperty().get();
        vm.fromTextProperty().set("15/03/20266");
        assertEquals(LocalDate.of(2026, 3, 1), vm.fromProperty().get());
        assertTrue(vm.messageProperty().get().contains("\"15/03/20266\" is not a date"), vm.messageProperty().get());
        assertEquals(filtered, vm.page().totalProperty().get());
        vm.fromTextProperty().set("1-Mar-2026");
        assertEquals("", vm.messageProperty().get());
        // A date picked from the calendar (the date, then the text showing it) reads the orders once.
        int before = reads.get();
        vm.fromProperty().set(LocalDate.of(2026, 2, 1));
        vm.fromTextProperty().set("01-Feb-2026");
        assertEquals(before + 3, reads.get(), "one reload: its page, its count and its sum");
        // Sorted by amount, largest first, across pages
        vm.clearFilters();
        vm.sortBy(com.crmplatform.order.OrderSort.AMOUNT, com.crmplatform.store.SortDirection.DESCENDING);
        List<Order> first = List.copyOf(vm.page().rows());
        vm.page().next();
        java.math.BigDecimal lastOfFirst = first.get(first.size() - 1).amount();
        assertTrue(first.get(0).amount().compareTo(lastOfFirst) >= 0);
        assertTrue(vm.page().rows().stream().allMatch(o -> o.amount().compareTo(lastOfFirst) <= 0));
        assertEquals("101–200 of 250 orders", vm.countText().get().substring(0, "101–200 of 250 orders".length()));
    }

    @Test
    void cancellingTheSelectedOrderTakesItOutOfTheCustomersTotals() {
        vm.reload();
        Order first = vm.page().rows().get(0);
        Customer before = services.store().customers().findById(first.customerId()).orElseThrow();
        vm.selectedProperty().set(first);
        assertTrue(vm.canCancel().get());
        vm.cancelSelected();
        assertEquals(1, dialogs.confirmations.size());
        Customer after = services.store().customers().findById(first.customerId()).orElseThrow();
        assertEquals(before.totalSpend().subtract(first.amount()), after.totalSpend());
        assertEquals(before.visits() - 1, after.visits());
        assertFalse(services.store().orders().findById(first.id()).orElseThrow().isActive());
    }
}

class SqliteOrdersViewModelTest extends OrdersViewModelTest {
    @Override
    Store openStore(Path dir) {
        return SqliteStore.open(dir);
    }
}

class MongoOrdersViewModelTest extends OrdersViewModelTest {
    private StoreFixture.MongoFixture mongo;

    @Override
    Store openStore(Path dir) {
        mongo = StoreFixture.mongo();
        return mongo.store();
    }

    @AfterEach
    void stopServer() {
        mongo.close();
    }
}
