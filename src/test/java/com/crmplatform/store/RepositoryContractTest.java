package com.crmplatform.store;

import static com.crmplatform.store.TestData.AUDIT;
import static com.crmplatform.store.TestData.NOW;
import static com.crmplatform.store.TestData.customer;
import static com.crmplatform.store.TestData.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.Store;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.customer.CustomerRepository.VersionedUpdate;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.customer.CustomerSort;
import com.crmplatform.customer.SearchKeys;
import com.crmplatform.order.DeletedCustomer;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.order.OrderStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do; run against SQLite and against the MongoDB stand-in. */
public abstract class RepositoryContractTest {

    protected StoreFixture fixture;
    protected CustomerRepository customers;
    protected OrderRepository orders;

    protected abstract StoreFixture createFixture() throws Exception;

    @BeforeEach
    void open() throws Exception {
        fixture = createFixture();
        customers = fixture.store().customers();
        orders = fixture.store().orders();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void storedCustomerIsFoundByIdAndByEmailInAnyCase() {
        Customer c = customer("Priya Sharma", "Priya.Sharma@Example.com", "1234.50", 3, LocalDate.of(2026, 3, 1));
        customers.insert(c);
        assertEquals(c, customers.findById(c.id()).orElseThrow());
        assertEquals(c, customers.findByEmail("priya.sharma@EXAMPLE.com").orElseThrow());
        assertEquals(List.of(c), customers.findByEmails(List.of("PRIYA.sharma@example.com", "nobody@example.com")));
    }

    @Test
    void emailIsUniqueIgnoringCase() {
        customers.insert(customer("A", "same@example.com"));
        assertThrows(DuplicateEmailException.class, () -> customers.insert(customer("B", "SAME@example.com")));
        assertEquals(1, customers.count(CustomerQuery.all()));
    }

    @Test
    void staleEditIsRefusedAndCurrentEditIsStored() {
        Customer c = customer("Ravi Kumar", "ravi@example.com");
        customers.insert(c);
        Customer first = withName(c, "Ravi K.", 2);
        customers.update(first, 1);
        Customer stale = withName(c, "Someone else's edit", 2);
        assertThrows(StaleRecordException.class, () -> customers.update(stale, 1));
        assertEquals("Ravi K.", customers.findById(c.id()).orElseThrow().name());
    }

    @Test
    void batchWriteReportsStaleUpdatesAndWritesTheRest() {
        Customer a = customer("A One", "a@example.com");
        Customer b = customer("B Two", "b@example.com");
        customers.insertAbsent(List.of(a, b));
        Customer c = customer("C Three", "c@example.com");
        List<String> stale = customers.writeBatch(List.of(c),
                List.of(new VersionedUpdate(withName(a, "A New", 2), 1), new VersionedUpdate(withName(b, "B New", 6), 5)));
        assertEquals(List.of(b.id()), stale);
        assertEquals("A New", customers.findById(a.id()).orElseThrow().name());
        assertEquals("B Two", customers.findById(b.id()).orElseThrow().name());
        assertTrue(customers.findById(c.id()).isPresent());
    }

    @Test
    void moneyIsExact() {
        Customer c = customer("Exact Paise", "paise@example.com");
        customers.insert(c);
        List<Order> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(order(c, "0.10", LocalDate.of(2026, 1, 1)));
        }
        many.add(order(c, "99999999.99", LocalDate.of(2026, 1, 2)));
        orders.createAll(many);
        assertEquals(new BigDecimal("100000009.99"), customers.findById(c.id()).orElseThrow().totalSpend());
    }

    @Test
    void keysetPagesWalkEverySortBothWaysLikeAnInMemorySort() {
        Random r = new Random(3);
        List<Customer> all = new ArrayList<>();
        for (int i = 0; i < 137; i++) {
            String name = List.of("Asha", "Bala", "chitra", "Dev", "Esha").get(r.nextInt(5)) + " "
                    + List.of("Rao", "Iyer", "Shah").get(r.nextInt(3));
            LocalDate last = r.nextInt(4) == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(r.nextInt(20));
            all.add(customer(name, "p" + i + "@example.com", r.nextInt(5) + "00.50", r.nextInt(4), last));
        }
        customers.insertAbsent(all);
        for (CustomerSort sort : CustomerSort.values()) {
            for (SortDirection dir : SortDirection.values()) {
                CustomerQuery q = new CustomerQuery("", sort, dir);
                List<Customer> expected = sorted(all, sort, dir);
                assertEquals(ids(expected), ids(walkForward(q, 10)), sort + " " + dir + " forward");
                assertEquals(ids(expected), ids(walkBackward(q, 10)), sort + " " + dir + " backward");
            }
        }
    }

    @Test
    void aPageReadAgainFromItsFirstRowIsTheSamePageWhateverItsIds() {
        List<Customer> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // ids ending in 0 and a: an id cannot be "decremented" into a valid ObjectId there
            String id = String.format("%023x", 4096 + i) + (i % 2 == 0 ? "0" : "a");
            all.add(new Customer(id, "Name " + (char) ('A' + i % 7), "q" + i + "@example.com", "", "", new BigDecimal(i % 5 + "00.00"),
                    i % 3, i % 4 == 0 ? null : LocalDate.of(2026, 1, 1 + i % 9), AUDIT));
        }
        customers.insertAbsent(all);
        for (CustomerSort sort : CustomerSort.values()) {
            for (SortDirection dir : SortDirection.values()) {
                CustomerQuery q = new CustomerQuery("", sort, dir);
                Page<Customer> second = customers.page(q, PageRequest.after(cursor(sort,
                        customers.page(q, PageRequest.first(10)).items().get(9)), 10));
                Page<Customer> again = customers.page(q, PageRequest.from(cursor(sort, second.items().get(0)), 10));
                assertEquals(ids(second.items()), ids(again.items()), sort + " " + dir);
                assertTrue(again.hasNext() && again.hasPrevious(), sort + " " + dir);
            }
        }
        for (int i = 0; i < 30; i++) {
            orders.createAll(List.of(TestData.order(all.get(i % 3), "10.00", LocalDate.of(2026, 2, 1 + i % 5))));
        }
        Page<Order> page2 = orders.page(OrderQuery.all(), PageRequest.after(orderCursor(
                orders.page(OrderQuery.all(), PageRequest.first(10)).items().get(9)), 10));
        Page<Order> again = orders.page(OrderQuery.all(), PageRequest.from(orderCursor(page2.items().get(0)), 10));
        assertEquals(page2.items().stream().map(Order::id).toList(), again.items().stream().map(Order::id).toList());
    }

    private static Cursor cursor(CustomerSort sort, Customer c) {
        return new Cursor(sort.keyOf(c), c.id());
    }

    private static Cursor orderCursor(Order o) {
        return new Cursor(o.orderDate(), o.id());
    }

    @Test
    void searchMatchesStartOfNameSurnameEmailOrPhone() {
        Customer priya = customer("Priya Sharma", "priya@example.com");
        Customer rahul = new Customer(Ids.newId(), "Rahul Verma", "rv@corp.in", "+91 98765 43210", "Delhi", Money.ZERO,
                0, null, AUDIT);
        Customer pooja = customer("Pooja Shah", "pooja@example.com");
        customers.insertAbsent(List.of(priya, rahul, pooja));
        assertEquals(List.of("Pooja Shah", "Priya Sharma"), names("P"));
        assertEquals(List.of("Priya Sharma"), names("pri"));
        assertEquals(List.of("Pooja Shah", "Priya Sharma"), names("sha"));
        assertEquals(List.of("Rahul Verma"), names("RV@"));
        assertEquals(List.of("Rahul Verma"), names("98765"));
        assertEquals(List.of(), names("zz"));
        assertEquals(2, customers.count(new CustomerQuery("sha", CustomerSort.NAME, SortDirection.ASCENDING)));
    }

    @Test
    void orderMovesTotalsOnceEvenWhenTheWriteIsRetried() {
        Customer c = customer("Anil Nair", "anil@example.com", "1000.00", 2, LocalDate.of(2026, 1, 5));
        customers.insert(c);
        Order o = order(c, "2500.75", LocalDate.of(2026, 2, 10));
        assertTrue(orders.create(o));
        assertFalse(orders.create(o), "a retried write is recognised");
        assertFalse(orders.create(o));
        Customer after = customers.findById(c.id()).orElseThrow();
        assertEquals(new BigDecimal("3500.75"), after.totalSpend());
        assertEquals(3, after.visits());
        assertEquals(LocalDate.of(2026, 2, 10), after.lastPurchaseDate());
        assertTrue(after.version() > c.version(), "an order moves the customer's version");
    }

    @Test
    void cancellingTakesTheOrderOutOfTheTotalsOnce() {
        Customer c = customer("Meera Iyer", "meera@example.com");
        customers.insert(c);
        Order older = order(c, "100.00", LocalDate.of(2026, 1, 1));
        Order newer = order(c, "50.25", LocalDate.of(2026, 3, 1));
        orders.createAll(List.of(older, newer));
        Order cancelled = orders.cancel(newer.id(), "local:test", NOW);
        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        orders.cancel(newer.id(), "local:test", NOW);
        Customer after = customers.findById(c.id()).orElseThrow();
        assertEquals(new BigDecimal("100.00"), after.totalSpend());
        assertEquals(1, after.visits());
        assertEquals(LocalDate.of(2026, 1, 1), after.lastPurchaseDate());
        orders.cancel(older.id(), "local:test", NOW);
        Customer none = customers.findById(c.id()).orElseThrow();
        assertEquals(new BigDecimal("0.00"), none.totalSpend());
        assertNull(none.lastPurchaseDate());
    }

    @Test
    void orderForAMissingCustomerIsRefused() {
        Customer ghost = customer("Ghost", "ghost@example.com");
        assertThrows(NotFoundException.class, () -> orders.create(order(ghost, "10", LocalDate.of(2026, 1, 1))));
        assertEquals(0, orders.count(OrderQuery.all()));
    }

    @Test
    void ordersAreListedNewestFirstWithFiltersAndKeysetPages() {
        Customer a = customer("A", "a@example.com");
        Customer b = customer("B", "b@example.com");
        customers.insertAbsent(List.of(a, b));
        List<Order> list = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            list.add(order(i % 2 == 0 ? a : b, String.valueOf(10 + i), LocalDate.of(2026, 1, 1).plusDays(i / 3)));
        }
        orders.createAll(list);
        List<Order> all = new ArrayList<>();
        Page<Order> page = orders.page(OrderQuery.all(), PageRequest.first(7));
        all.addAll(page.items());
        while (page.hasNext()) {
            Order last = page.items().get(page.items().size() - 1);
            page = orders.page(OrderQuery.all(), PageRequest.after(new Cursor(last.orderDate(), last.id()), 7));
            all.addAll(page.items());
        }
        List<Order> expected = new ArrayList<>(list);
        expected.sort(Comparator.comparing(Order::orderDate).thenComparing(Order::id).reversed());
        assertEquals(expected.stream().map(Order::id).toList(), all.stream().map(Order::id).toList());
        OrderQuery aInJan3to5 = new OrderQuery(a.id(), LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 5));
        long expectedCount = list.stream().filter(o -> o.customerId().equals(a.id())
                && !o.orderDate().isBefore(LocalDate.of(2026, 1, 3)) && !o.orderDate().isAfter(LocalDate.of(2026, 1, 5))).count();
        assertEquals(expectedCount, orders.count(aInJan3to5));
        assertEquals(expectedCount, orders.page(aInJan3to5, PageRequest.first(100)).items().size());
    }

    @Test
    void ordersSortByAmountAndCustomerBothWaysAcrossKeysetPagesAndAddUp() {
        Customer a = customer("Asha", "asha@example.com");
        Customer b = customer("Zoya", "zoya@example.com");
        customers.insertAbsent(List.of(a, b));
        List<Order> list = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            list.add(order(i % 3 == 0 ? a : b, String.valueOf(100 + (i * 37) % 11), LocalDate.of(2026, 1, 1).plusDays(i)));
        }
        orders.createAll(list);
        for (com.crmplatform.order.OrderSort sort : com.crmplatform.order.OrderSort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                OrderQuery q = OrderQuery.all().sortedBy(sort, desc);
                List<Order> all = new ArrayList<>();
                Page<Order> page = orders.page(q, PageRequest.first(5));
                all.addAll(page.items());
                while (page.hasNext()) {
                    Order last = page.items().get(page.items().size() - 1);
                    page = orders.page(q, PageRequest.after(new Cursor(sort.keyOf(last), last.id()), 5));
                    all.addAll(page.items());
                }
                Comparator<Order> by = switch (sort) {
                    case DATE -> Comparator.comparing(Order::orderDate);
                    case AMOUNT -> Comparator.comparing(Order::amount);
                    case CUSTOMER -> Comparator.comparing(Order::customerName);
                };
                by = by.thenComparing(Order::id);
                List<Order> expected = new ArrayList<>(list);
                expected.sort(desc ? by.reversed() : by);
                assertEquals(expected.stream().map(Order::id).toList(), all.stream().map(Order::id).toList(), sort + " " + desc);
                // and back again from the last page
                Order first = all.get(0);
                Page<Order> before = orders.page(q, PageRequest.before(new Cursor(sort.keyOf(all.get(5)), all.get(5).id()), 5));
                assertEquals(all.subList(0, 5).stream().map(Order::id).toList(), before.items().stream().map(Order::id).toList());
                assertEquals(first.id(), before.items().get(0).id());
            }
        }
        BigDecimal total = list.stream().map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, total.compareTo(orders.activeTotal(OrderQuery.all().sortedBy(com.crmplatform.order.OrderSort.AMOUNT, false))));
    }

    @Test
    void deleteTakesTheOrdersAlongAndUndoPutsEverythingBack() {
        Customer c = customer("Kabir Singh", "kabir@example.com");
        customers.insert(c);
        orders.createAll(List.of(order(c, "10", LocalDate.of(2026, 1, 1)), order(c, "20", LocalDate.of(2026, 1, 2))));
        Customer stored = customers.findById(c.id()).orElseThrow();
        assertThrows(StaleRecordException.class, () -> fixture.store().customerRemovals().delete(c.id(), stored.version() - 1));
        DeletedCustomer deleted = fixture.store().customerRemovals().delete(c.id(), stored.version()).orElseThrow();
        assertEquals(2, deleted.orders().size());
        assertTrue(customers.findById(c.id()).isEmpty());
        assertEquals(0, orders.count(OrderQuery.all()));
        fixture.store().customerRemovals().restore(deleted);
        assertEquals(stored, customers.findById(c.id()).orElseThrow());
        assertEquals(2, orders.count(OrderQuery.ofCustomer(c.id())));
        // the restored totals still know their orders: a retried order adds nothing, a cancel takes one out
        Order first = deleted.orders().stream().filter(o -> o.amount().compareTo(new BigDecimal("10")) == 0).findFirst().orElseThrow();
        assertFalse(orders.create(first));
        orders.cancel(first.id(), "local:test", TestData.NOW);
        Customer after = customers.findById(c.id()).orElseThrow();
        assertEquals(new BigDecimal("20.00"), after.totalSpend());
        assertEquals(1, after.visits());
    }

    @Test
    void purchaseMomentsAreTheActiveOrdersOfTheAudienceNewestFirst() {
        Customer big = customer("Big Buyer", "big@example.com");
        Customer small = customer("Small Buyer", "small@example.com");
        customers.insertAbsent(List.of(big, small));
        Order first = order(big, "9000", LocalDate.of(2026, 1, 6));
        Order second = order(big, "9000", LocalDate.of(2026, 2, 3));
        Order third = order(big, "100", LocalDate.of(2026, 2, 10));
        orders.createAll(List.of(first, second, third, order(small, "50", LocalDate.of(2026, 3, 3))));
        orders.cancel(third.id(), "local:test", NOW);
        var rule = com.crmplatform.segment.SegmentRule.and(com.crmplatform.segment.SegmentRule.totalSpend(
                com.crmplatform.segment.RuleOperator.GT, "1000"));
        var moments = orders.purchaseMoments(rule, LocalDate.of(2026, 11, 25), 10);
        assertEquals(List.of(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 1, 6)),
                moments.stream().map(com.crmplatform.order.OrderRepository.PurchaseMoment::date).toList());
    }

    @Test
    void dataSurvivesAReopen() {
        Customer c = customer("Lakshmi Rao", "lakshmi@example.com");
        customers.insert(c);
        orders.create(order(c, "42.42", LocalDate.of(2026, 5, 5)));
        Store reopened = fixture.reopen();
        assertEquals(new BigDecimal("42.42"), reopened.customers().findByEmail("LAKSHMI@example.com").orElseThrow().totalSpend());
    }

    private List<Customer> walkForward(CustomerQuery q, int size) {
        List<Customer> out = new ArrayList<>();
        Page<Customer> page = customers.page(q, PageRequest.first(size));
        out.addAll(page.items());
        assertFalse(page.hasPrevious());
        while (page.hasNext()) {
            Customer last = page.items().get(page.items().size() - 1);
            page = customers.page(q, PageRequest.after(new Cursor(q.sort().keyOf(last), last.id()), size));
            assertTrue(page.hasPrevious());
            out.addAll(page.items());
        }
        return out;
    }

    private List<Customer> walkBackward(CustomerQuery q, int size) {
        List<Customer> out = new ArrayList<>();
        Page<Customer> page = customers.page(q, PageRequest.last(size));
        out.addAll(0, page.items());
        while (page.hasPrevious()) {
            Customer first = page.items().get(0);
            page = customers.page(q, PageRequest.before(new Cursor(q.sort().keyOf(first), first.id()), size));
            out.addAll(0, page.items());
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Customer> sorted(List<Customer> all, CustomerSort sort, SortDirection dir) {
        Comparator<Customer> byKey = Comparator.comparing(c -> (Comparable) sort.keyOf(c),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<Customer> c = byKey.thenComparing(Customer::id);
        List<Customer> copy = new ArrayList<>(all);
        copy.sort(dir == SortDirection.ASCENDING ? c : c.reversed());
        return copy;
    }

    private List<String> names(String search) {
        return customers.page(new CustomerQuery(search, CustomerSort.NAME, SortDirection.ASCENDING), PageRequest.first(50))
                .items().stream().map(Customer::name).toList();
    }

    private static List<String> ids(List<Customer> list) {
        return list.stream().map(Customer::id).toList();
    }

    private static Customer withName(Customer c, String name, long version) {
        return new Customer(c.id(), name, c.email(), c.phone(), c.city(), c.totalSpend(), c.visits(), c.lastPurchaseDate(),
                new Audit(c.audit().createdAt(), NOW, c.audit().createdBy(), "local:test", version));
    }

    static String key(String name) {
        return SearchKeys.nameKey(name);
    }
}
