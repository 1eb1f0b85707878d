package com.crmplatform.order.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderField;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.order.OrderService;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.TestData;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderFormViewModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The real store, whose connection drops once after the write went through. */
    static final class DropsOnce implements OrderRepository {
        final OrderRepository real;
        final List<String> ids = new ArrayList<>();
        boolean dropped;

        DropsOnce(OrderRepository real) {
            this.real = real;
        }

        @Override
        public boolean create(Order order) {
            ids.add(order.id());
            boolean created = real.create(order);
            if (!dropped) {
                dropped = true;
                throw new StoreException("The connection dropped before the answer arrived.");
            }
            return created;
        }

        @Override
        public int createAll(List<Order> orders) {
            return real.createAll(orders);
        }

        @Override
        public Order cancel(String orderId, String user, Instant now) {
            return real.cancel(orderId, user, now);
        }

        @Override
        public Optional<Order> findById(String id) {
            return real.findById(id);
        }

        @Override
        public java.util.Set<String> existingIds(java.util.Collection<String> ids) {
            return real.existingIds(ids);
        }

        @Override
        public Page<Order> page(OrderQuery query, PageRequest request) {
            return real.page(query, request);
        }

        @Override
        public long count(OrderQuery query) {
            return real.count(query);
        }

        @Override
        public List<PurchaseMoment> purchaseMoments(com.crmplatform.segment.SegmentRule rule, LocalDate today, int limit) {
            return real.purchaseMoments(rule, today, limit);
        }
    }

    @Test
    void savingAgainAfterAFailureSendsTheSameOrderAndCountsItOnce() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            Customer c = TestData.customer("Arjun Pillai", "arjun@example.com");
            store.customers().insert(c);
            DropsOnce orders = new DropsOnce(store.orders());
            OrderService service = new OrderService(orders, store.customers(), new LocalUser("ann"), CLOCK);
            OrderFormViewModel form = new OrderFormViewModel(service, UiExecutor.currentThread(),
                    Messages.load(Locale.ENGLISH), CLOCK, c);
            form.amountProperty().set("2,499.00");
            form.itemsProperty().set("Running shoes x1");
            List<Order> saved = new ArrayList<>();
            form.save(saved::add);
            assertTrue(saved.isEmpty());
            assertTrue(form.formErrorProperty().get().contains("connection dropped"));
            form.save(saved::add);
            assertEquals(1, saved.size());
            assertEquals(2, orders.ids.size());
            assertEquals(orders.ids.get(0), orders.ids.get(1), "the retry is the same order");
            Customer after = store.customers().findById(c.id()).orElseThrow();
            assertEquals(new BigDecimal("2499.00"), after.totalSpend());
            assertEquals(1, after.visits());
        }
    }

    @Test
    void anOrderNeedsACustomerAPositiveAmountAndNoFutureDate() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            OrderService service = new OrderService(store.orders(), store.customers(), new LocalUser("ann"), CLOCK);
            OrderFormViewModel form = new OrderFormViewModel(service, UiExecutor.currentThread(),
                    Messages.load(Locale.ENGLISH), CLOCK, null);
            form.amountProperty().set("0");
            form.orderDateProperty().set(LocalDate.of(2026, 11, 26));
            form.itemsProperty().set("x2");
            form.save(o -> { });
            assertEquals("Choose the customer of this order.", form.errors().get(OrderField.CUSTOMER));
            assertTrue(form.errors().get(OrderField.AMOUNT).contains("more than zero"));
            assertTrue(form.errors().get(OrderField.ORDER_DATE).contains("future"));
            assertEquals(0, store.orders().count(OrderQuery.all()));
        }
    }
}
