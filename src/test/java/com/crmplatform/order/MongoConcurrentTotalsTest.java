package com.crmplatform.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.MongoStore;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.StaleRecordException;
import com.crmplatform.store.TestData;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many workstations on one MongoDB at once: imports of overlapping order files, retries, cancels,
 * customer edits and start-up sweeps racing, some of them killed; afterwards every customer's
 * totals are exactly what their active orders say.
 */
class MongoConcurrentTotalsTest {

    static final int CUSTOMERS = 300;

    @TempDir
    Path dir;
    MongoServer server;
    String url;
    List<Customer> customers;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/crm-test";
        customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(TestData.customer("Customer " + i, "c" + i + "@example.com"));
        }
        try (MongoStore store = MongoStore.open(url, 5_000)) {
            store.customers().insertAbsent(customers);
        }
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    private List<Order> orders(int n, long seed) {
        Random r = new Random(seed);
        List<Order> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Customer c = customers.get(r.nextInt(CUSTOMERS));
            list.add(TestData.order(c, (1 + r.nextInt(99_999)) / 100 + "." + String.format("%02d", r.nextInt(100)),
                    LocalDate.of(2026, 1 + r.nextInt(9), 1 + r.nextInt(28))));
        }
        return list;
    }

    /** Three overlapping parts: every order in one or two of them. */
    private static List<List<Order>> overlapping(List<Order> all, long seed) {
        Random r = new Random(seed);
        List<List<Order>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Order o : all) {
            int first = r.nextInt(3);
            parts.get(first).add(o);
            if (r.nextBoolean()) {
                parts.get((first + 1 + r.nextInt(2)) % 3).add(o);
            }
        }
        parts.forEach(p -> Collections.shuffle(p, r));
        return parts;
    }

    private void assertTotalsAreTheSumOfActiveOrders() {
        try (MongoStore store = MongoStore.open(url, 5_000)) { // its start-up sweep finishes what a killed process left
            Map<String, List<Order>> byCustomer = new java.util.HashMap<>();
            for (Customer c : customers) {
                byCustomer.put(c.id(), store.orders().page(OrderQuery.ofCustomer(c.id()), PageRequest.first(10_000)).items()
                        .stream().filter(Order::isActive).toList());
            }
            int wrong = 0;
            StringBuilder first = new StringBuilder();
            for (Customer stored : store.customers().page(CustomerQuery.all(), PageRequest.first(10_000)).items()) {
                List<Order> mine = byCustomer.get(stored.id());
                BigDecimal sum = mine.stream().map(Order::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
                LocalDate last = mine.stream().map(Order::orderDate).max(Comparator.naturalOrder()).orElse(null);
                if (sum.compareTo(stored.totalSpend()) != 0 || mine.size() != stored.visits()
                        || (last != null && !last.equals(stored.lastPurchaseDate()))) {
                    if (wrong++ == 0) {
                        first.append(stored.email()).append(": ").append(stored.totalSpend()).append('/').append(stored.visits())
                                .append('/').append(stored.lastPurchaseDate()).append(" vs ").append(sum).append('/')
                                .append(mine.size()).append('/').append(last);
                    }
                }
            }
            assertEquals(0, wrong, wrong + " of " + CUSTOMERS + " customers have totals that are not their orders', e.g. " + first);
        }
    }

    @RepeatedTest(3)
    void workstationsImportingRetryingCancellingAndEditingAtOnceKeepEveryTotalExact() throws Exception {
        List<Order> all = orders(3_000, 11);
        List<List<Order>> parts = overlapping(all, 12);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> work = new ArrayList<>();
        for (List<Order> part : parts) { // three workstations import, each its own client, in batches
            work.add(pool.submit(() -> {
                try (MongoStore ws = MongoStore.open(url, 5_000)) {
                    for (int from = 0; from < part.size(); from += 150) {
                        ws.orders().createAll(part.subList(from, Math.min(part.size(), from + 150)));
                    }
                    ws.orders().createAll(part.subList(0, Math.min(part.size(), 300))); // a retry
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> { // a fourth cancels orders and edits customers meanwhile
            Random r = new Random(13);
            try (MongoStore ws = MongoStore.open(url, 5_000)) {
                for (int i = 0; i < 150; i++) {
                    Order o = all.get(r.nextInt(all.size()));
                    if (ws.orders().findById(o.id()).isPresent()) {
                        ws.orders().cancel(o.id(), "local:canceller", TestData.NOW);
                    }
                    Customer c = ws.customers().findById(customers.get(r.nextInt(CUSTOMERS)).id()).orElseThrow();
                    try {
                        ws.customers().update(c.withDetails(new com.crmplatform.customer.CustomerDraft(c.name() + ".",
                                c.email(), c.phone(), "Pune", c.totalSpend(), c.visits(), c.lastPurchaseDate()),
                                c.audit().touched(TestData.NOW, "local:editor")), c.version());
                    } catch (StaleRecordException raced) {
                        // an order landed meanwhile: the edit is refused, as a user would be told
                    }
                }
            }
            return null;
        }));
        work.add(pool.submit(() -> { // and a fifth keeps starting up (its sweep runs while the others write)
            for (int i = 0; i < 4; i++) {
                MongoStore.open(url, 5_000).close();
            }
            return null;
        }));
        for (Future<?> f : work) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertTotalsAreTheSumOfActiveOrders();
    }

    @Test
    void aWorkstationKilledMidImportAndStartedAgainWhileOthersWriteLeavesExactTotals() throws Exception {
        List<Order> all = orders(3_000, 21);
        List<List<Order>> parts = overlapping(all, 22);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path f = dir.resolve("orders-" + i + ".csv");
            Files.writeString(f, "customerEmail,amount,orderDate,items,status,id\n" + parts.get(i).stream()
                    .map(o -> o.customerEmail() + "," + o.amount().toPlainString() + "," + o.orderDate() + ",,ACTIVE," + o.id())
                    .collect(Collectors.joining("\n")) + "\n", StandardCharsets.UTF_8);
            files.add(f);
        }
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(importInChild(files.get(i), i));
        }
        try (var client = com.mongodb.client.MongoClients.create(url)) {
            var stored = client.getDatabase("crm-test").getCollection("orders");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stored.countDocuments() < 400 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        running.get(0).destroyForcibly(); // kill -9 in the middle of the imports
        assertTrue(running.get(0).waitFor(30, TimeUnit.SECONDS));
        Process again = importInChild(files.get(0), 3); // started again while the others still write
        for (Process p : List.of(running.get(1), running.get(2), again)) {
            assertTrue(p.waitFor(3, TimeUnit.MINUTES), "an import finished");
            assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTotalsAreTheSumOfActiveOrders();
    }

    private Process importInChild(Path file, int n) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "com.crmplatform.desktop.Launcher",
                "--data-dir", dir.resolve("ws-" + n).toString(), "--db", url, "import", "orders", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
