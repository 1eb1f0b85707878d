package com.crmplatform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.ReplicaStore;
import com.crmplatform.app.Services;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerDraft;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderDraft;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.TcpProxy;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync under failure: the server cut mid-push, the workstation killed mid-sync, many writers at once. */
class SyncCrashTest {

    @TempDir
    Path dir;
    StandInBehindProxy team;
    TcpProxy proxy;
    String url;
    final List<Services> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        team = new StandInBehindProxy();
        proxy = team.proxy();
        url = team.url("crm-sync");
    }

    @AfterEach
    void stop() {
        open.forEach(Services::close);
        team.close();
    }

    Services workstation(String name) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name));
        ReplicaStore store = ReplicaStore.open(url, data, Clock.systemUTC(), (d, t) -> { });
        Services services = new Services(new AppConfig(data, Optional.of(url)), store, new LocalUser(name), Clock.systemUTC());
        open.add(services);
        return services;
    }

    MongoDatabase central() {
        return team.central("crm-sync");
    }

    /** Every central customer's totals are exactly the sum of its active central orders. */
    void assertCentralTotalsExact() {
        Map<String, BigDecimal> spend = new HashMap<>();
        Map<String, Integer> visits = new HashMap<>();
        for (Document o : central().getCollection("orders").find(new Document("status", "ACTIVE"))) {
            Order order = com.crmplatform.order.MongoOrderRepository.fromDocument(o);
            spend.merge(order.customerId(), order.amount(), BigDecimal::add);
            visits.merge(order.customerId(), 1, Integer::sum);
        }
        for (Document d : central().getCollection("customers").find()) {
            Customer c = MongoCustomerRepository.fromDocument(d);
            assertEquals(0, spend.getOrDefault(c.id(), BigDecimal.ZERO).compareTo(c.totalSpend()), "spend of " + c.email());
            assertEquals(visits.getOrDefault(c.id(), 0).intValue(), c.visits(), "visits of " + c.email());
        }
    }

    void syncQuietly(Services s) {
        try {
            s.sync().syncNow((d, t) -> { }, () -> false);
        } catch (StoreException e) {
            // offline for now: it stays pending
        }
    }

    @Test
    void aPushCutAtAnyMomentNeverDuplicatesAnythingOrCountsAnOrderTwice() throws Exception {
        Services a = workstation("a");
        proxy.cut();
        a.demoData().seed(1_500, 2_000, 7, n -> { });
        proxy.restore();
        for (long cutAfter : new long[] {3, 8, 15, 30, 60}) {
            long before = proxy.writesToServer();
            CompletableFuture<Void> sync = CompletableFuture.runAsync(() -> syncQuietly(a));
            while (!sync.isDone() && proxy.writesToServer() - before < cutAfter) {
                Thread.onSpinWait();
            }
            proxy.cut();
            sync.get(60, TimeUnit.SECONDS);
            proxy.restore();
        }
        a.sync().syncNow((d, t) -> { }, () -> false);
        assertEquals(0, a.sync().status().pending());
        assertEquals(1_500, central().getCollection("customers").countDocuments());
        assertEquals(2_000, central().getCollection("orders").countDocuments());
        assertCentralTotalsExact();

        Services b = workstation("b");
        assertEquals(1_500, b.customers().count(com.crmplatform.customer.CustomerQuery.all()));
        assertEquals(2_000, b.orders().count(com.crmplatform.order.OrderQuery.all()));
    }

    @Test
    void aWorkstationKilledMidSyncLosesNothingAndDoublesNothing() throws Exception {
        Services a = workstation("a");
        proxy.cut();
        a.demoData().seed(4_000, 5_000, 11, n -> { });
        a.close();
        open.remove(a);
        proxy.restore();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random random = new Random(5);
        boolean finished = false;
        for (int run = 0; run < 4 && !finished; run++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SyncChild.class.getName(),
                    dir.resolve("a").toString(), url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String opened = r.readLine();
                assertTrue(opened != null && opened.startsWith("opened"), "the child opened the replica: " + opened);
                Thread.sleep(50 + random.nextInt(400));
                p.destroyForcibly(); // SIGKILL in the middle of the push
                try {
                    finished = "synced".equals(r.readLine());
                } catch (java.io.IOException e) {
                    finished = false; // killed: its output ended
                }
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        Services again = workstation("a");
        again.sync().syncNow((d, t) -> { }, () -> false);
        assertEquals(0, again.sync().status().pending());
        assertEquals(4_000, central().getCollection("customers").countDocuments());
        assertEquals(5_000, central().getCollection("orders").countDocuments());
        assertCentralTotalsExact();
        Services b = workstation("b");
        assertEquals(4_000, b.customers().count(com.crmplatform.customer.CustomerQuery.all()));
    }

    @Test
    void aWorkstationKilledDuringItsFirstSyncOpensWholeAtTheNextStart() throws Exception {
        Services a = workstation("a");
        a.demoData().seed(30_000, 3_000, 17, n -> { });
        a.sync().syncNow((d, t) -> { }, () -> false);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path late = Files.createDirectories(dir.resolve("late"));
        Random random = new Random(23);
        int killed = 0;
        for (int run = 0; run < 12; run++) {
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), SyncChild.class.getName(),
                    late.toString(), url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String line;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
                if ("copying".equals(line)) {
                    Thread.sleep(150L * run + random.nextInt(300)); // SIGKILL ever later: before, in and after the copy
                    p.destroyForcibly();
                    killed++;
                }
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            if (line == null || !line.equals("copying")) {
                break; // the copy was done by an earlier run: this one opened at once
            }
        }
        assertTrue(killed > 0, "at least one first sync was killed");
        Services again = workstation("late");
        assertEquals(30_000, again.customers().count(com.crmplatform.customer.CustomerQuery.all()));
        assertEquals(3_000, again.orders().count(com.crmplatform.order.OrderQuery.all()));
        assertEquals(0, again.sync().status().pending(), "a copy is not a change to push");
        Customer someone = again.customers().page(com.crmplatform.customer.CustomerQuery.all(),
                com.crmplatform.store.PageRequest.first(1)).items().get(0);
        again.customers().update(someone, new com.crmplatform.customer.CustomerDraft(someone.name(), someone.email(),
                someone.phone(), "Nashik", someone.totalSpend(), someone.visits(), someone.lastPurchaseDate()));
        assertEquals(1, again.sync().status().pending(), "edits are tracked again after a killed first sync");
        again.sync().syncNow((d, t) -> { }, () -> false);
        assertEquals(0, again.sync().status().pending());
        assertEquals("Nashik", central().getCollection("customers")
                .find(new Document("_id", new org.bson.types.ObjectId(someone.id()))).first().getString("city"));
        Path file;
        try (var files = Files.list(late)) {
            file = files.filter(f -> f.getFileName().toString().endsWith(".db")).findFirst().orElseThrow();
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of(), com.crmplatform.store.sqlite.CustomerOrderIndexes.missing(c),
                    "every index is there after a sync");
        }
    }

    /**
     * Three workstations create customers, edit them and enter and cancel orders at random, each
     * syncing now and then, while the network drops and comes back: afterwards every replica is
     * the central data, every change is there once, and every total is its orders' sum.
     */
    @RepeatedTest(2)
    void manyWritersAndCutsConvergeWithNothingMissed() throws Exception {
        List<Services> stations = List.of(workstation("a"), workstation("b"), workstation("c"));
        AtomicBoolean writing = new AtomicBoolean(true);
        long seed = System.nanoTime();
        List<CompletableFuture<List<String>>> writers = new ArrayList<>();
        for (int w = 0; w < stations.size(); w++) {
            Services s = stations.get(w);
            Random random = new Random(seed + w);
            int station = w;
            writers.add(CompletableFuture.supplyAsync(() -> {
                List<String> emails = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    int op = random.nextInt(10);
                    var known = s.customers().page(com.crmplatform.customer.CustomerQuery.all(),
                            com.crmplatform.store.PageRequest.first(500)).items();
                    try {
                        if (op < 3 || known.isEmpty()) {
                            String email = "w" + station + "-" + i + "@example.com";
                            s.customers().create(CustomerDraft.of("Person " + station + " " + i, email));
                            emails.add(email);
                        } else if (op < 5) {
                            Customer c = known.get(random.nextInt(known.size()));
                            var d = c.toDraft();
                            s.customers().update(c, new CustomerDraft(d.name(), d.email(), d.phone(),
                                    "City " + random.nextInt(5), d.totalSpend(), d.visits(), d.lastPurchaseDate()));
                        } else if (op < 8) {
                            Customer c = known.get(random.nextInt(known.size()));
                            s.orders().create(new OrderDraft(c.id(), new BigDecimal(1 + random.nextInt(500)),
                                    LocalDate.of(2026, 1 + random.nextInt(11), 1), List.of()));
                        } else if (op < 9) {
                            var orders = s.orders().page(com.crmplatform.order.OrderQuery.all(),
                                    com.crmplatform.store.PageRequest.first(50)).items();
                            if (!orders.isEmpty()) {
                                Order o = orders.get(random.nextInt(orders.size()));
                                if (o.isActive()) {
                                    s.orders().cancel(o);
                                }
                            }
                        } else {
                            syncQuietly(s);
                        }
                    } catch (StoreException e) {
                        // a record changed by a pull a moment ago: what a user would retry
                    }
                }
                return emails;
            }));
        }
        CompletableFuture<Void> network = CompletableFuture.runAsync(() -> {
            Random random = new Random(seed);
            while (writing.get()) {
                try {
                    Thread.sleep(100 + random.nextInt(300));
                    proxy.cut();
                    Thread.sleep(50 + random.nextInt(200));
                    proxy.restore();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<String> created = new ArrayList<>();
        for (var w : writers) {
            created.addAll(w.get(120, TimeUnit.SECONDS));
        }
        writing.set(false);
        network.get(10, TimeUnit.SECONDS);
        proxy.restore();
        // Until every replica is the central data: at once, or after the 10 s grace when a cut lost the
        // answer to a change-log number (nobody knows whether it was used, so pullers wait it out).
        long deadline = System.nanoTime() + 20_000_000_000L;
        boolean converged = false;
        while (!converged && System.nanoTime() < deadline) {
            for (Services s : stations) {
                for (Conflict c : s.sync().conflicts()) {
                    s.sync().resolve(c.id(), false);
                }
                s.sync().syncNow((d, t) -> { }, () -> false);
            }
            Map<String, String> now = snapshotOf(central());
            converged = stations.stream().allMatch(s -> snapshotOf(s).equals(now) && s.sync().status().pending() == 0);
            if (!converged) {
                Thread.sleep(500);
            }
        }
        assertEquals(created.size(), central().getCollection("customers").countDocuments(), "seed " + seed);
        assertCentralTotalsExact();
        Map<String, String> expected = snapshotOf(central());
        for (Services s : stations) {
            assertEquals(0, s.sync().status().pending(), "seed " + seed);
            assertEquals("", differences(expected, snapshotOf(s)), "seed " + seed);
        }
    }

    /** What differs between the central data and a replica, a line per record (empty when none). */
    static String differences(Map<String, String> central, Map<String, String> replica) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> keys = new java.util.TreeSet<>(central.keySet());
        keys.addAll(replica.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(central.get(k), replica.get(k))) {
                out.append(k).append(": central ").append(central.get(k)).append(", here ").append(replica.get(k)).append('\n');
            }
        }
        return out.toString();
    }

    static Map<String, String> snapshotOf(MongoDatabase db) {
        Map<String, String> all = new java.util.TreeMap<>();
        for (Document d : db.getCollection("customers").find()) {
            Customer c = MongoCustomerRepository.fromDocument(d);
            all.put(c.id(), c.email() + "|" + c.city() + "|" + c.totalSpend().stripTrailingZeros().toPlainString() + "|" + c.visits());
        }
        for (Document d : db.getCollection("orders").find()) {
            all.put(d.getObjectId("_id").toHexString(), d.getString("status"));
        }
        return all;
    }

    static Map<String, String> snapshotOf(Services s) {
        Map<String, String> all = new java.util.TreeMap<>();
        for (Customer c : s.customers().page(com.crmplatform.customer.CustomerQuery.all(),
                com.crmplatform.store.PageRequest.first(10_000)).items()) {
            all.put(c.id(), c.email() + "|" + c.city() + "|" + c.totalSpend().stripTrailingZeros().toPlainString() + "|" + c.visits());
        }
        for (Order o : s.orders().page(com.crmplatform.order.OrderQuery.all(), com.crmplatform.store.PageRequest.first(10_000)).items()) {
            all.put(o.id(), o.status().name());
        }
        return all;
    }
}
