package com.crmplatform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.ReplicaStore;
import com.crmplatform.app.Services;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerDraft;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.order.MongoOrderRepository;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderDraft;
import com.crmplatform.store.PageRequest;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workstations (each its own data directory and replica) on one MongoDB stand-in behind a proxy
 * the test cuts and restores on the same port, with the helpers the sync tests share: make one,
 * work on it as a user would, sync, and check that every replica holds what the server holds.
 */
abstract class TeamFixture {

    @TempDir
    Path dir;
    StandInBehindProxy team;
    String url;
    final List<Workstation> workstations = new ArrayList<>();

    /** One workstation: its replica store and the services over it, as the app builds them. */
    record Workstation(Path data, ReplicaStore store, Services services) implements AutoCloseable {

        SyncService sync() {
            return services.sync();
        }

        Customer create(String name, String email) {
            return services.customers().create(CustomerDraft.of(name, email));
        }

        Customer byEmail(String email) {
            return services.customers().findByEmail(email).orElseThrow();
        }

        Customer edit(String email, String field, String value) {
            Customer c = byEmail(email);
            CustomerDraft d = c.toDraft();
            CustomerDraft changed = switch (field) {
                case "city" -> new CustomerDraft(d.name(), d.email(), d.phone(), value, d.totalSpend(), d.visits(), d.lastPurchaseDate());
                case "phone" -> new CustomerDraft(d.name(), d.email(), value, d.city(), d.totalSpend(), d.visits(), d.lastPurchaseDate());
                case "name" -> new CustomerDraft(value, d.email(), d.phone(), d.city(), d.totalSpend(), d.visits(), d.lastPurchaseDate());
                case "email" -> new CustomerDraft(d.name(), value, d.phone(), d.city(), d.totalSpend(), d.visits(), d.lastPurchaseDate());
                default -> throw new IllegalArgumentException(field);
            };
            return services.customers().update(c, changed);
        }

        Order order(String email, String amount) {
            return services.orders().create(new OrderDraft(byEmail(email).id(), new BigDecimal(amount),
                    LocalDate.of(2026, 11, 20), List.of()));
        }

        void delete(String email) {
            services.customerRemovals().delete(byEmail(email));
        }

        /** Every customer here, by email: name, phone, city, totals. */
        Map<String, String> snapshot() {
            Map<String, String> all = new TreeMap<>();
            for (Customer c : services.customers().page(CustomerQuery.all(), PageRequest.first(10_000)).items()) {
                all.put(c.emailKey(), c.id() + "|" + c.name() + "|" + c.phone() + "|" + c.city() + "|"
                        + c.totalSpend().stripTrailingZeros().toPlainString() + "|" + c.visits());
            }
            return all;
        }

        @Override
        public void close() {
            services.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        team = new StandInBehindProxy();
        url = team.url("crm-sync");
    }

    @AfterEach
    void stop() {
        workstations.forEach(Workstation::close);
        team.close();
    }

    Workstation workstation(String name) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name));
        ReplicaStore store = ReplicaStore.open(url, data, Clock.systemUTC(), (d, t) -> { });
        Services services = new Services(new AppConfig(data, Optional.of(url)), store, new LocalUser(name), Clock.systemUTC());
        Workstation w = new Workstation(data, store, services);
        workstations.add(w);
        return w;
    }

    MongoDatabase central() {
        return team.central("crm-sync");
    }

    /** Two customers made on {@code creator} and synced to every workstation open. */
    void shareAshaAndBo(Workstation creator) {
        creator.create("Asha Rao", "asha@example.com");
        creator.create("Bo Chen", "bo@example.com");
        syncAll();
    }

    static void syncNow(Workstation w) {
        w.sync().syncNow((d, t) -> { }, () -> false);
    }

    /** Syncs every workstation twice over (the second round brings each what the others pushed after it). */
    void syncAll() {
        for (int round = 0; round < 2; round++) {
            for (Workstation w : workstations) {
                syncNow(w);
            }
        }
    }

    Map<String, String> centralSnapshot() {
        Map<String, String> all = new TreeMap<>();
        for (Document d : central().getCollection("customers").find()) {
            Customer c = com.crmplatform.customer.MongoCustomerRepository.fromDocument(d);
            all.put(c.emailKey(), c.id() + "|" + c.name() + "|" + c.phone() + "|" + c.city() + "|"
                    + c.totalSpend().stripTrailingZeros().toPlainString() + "|" + c.visits());
        }
        return all;
    }

    /**
     * Every replica holds exactly the central customers (every row of its file, read directly: id,
     * name, phone, city, totals) and the central orders (customer, amount, status), and nothing is
     * left pending.
     */
    void assertAllEqualCentral() throws Exception {
        Map<String, String> expected = centralSnapshot();
        for (Workstation w : workstations) {
            Map<String, String> mine = fullSnapshot(w);
            if (!expected.equals(mine)) {
                List<String> diff = new ArrayList<>();
                for (String k : expected.keySet()) {
                    if (!Objects.equals(expected.get(k), mine.get(k))) {
                        diff.add(k + ": central " + expected.get(k) + " here " + mine.get(k));
                    }
                }
                mine.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> diff.add(k + ": only here " + mine.get(k)));
                throw new AssertionError("replica in " + w.data().getFileName() + " differs in " + diff.size() + ": "
                        + diff.subList(0, Math.min(5, diff.size())));
            }
            assertEquals(0, w.sync().status().pending(), "nothing left pending in " + w.data().getFileName());
            assertEquals(centralOrders(), ordersIn(w), "the orders in " + w.data().getFileName());
        }
    }

    /** Every central order: its customer, amount and status, by id. */
    Map<String, String> centralOrders() {
        Map<String, String> all = new TreeMap<>();
        for (Document d : central().getCollection("orders").find()) {
            Order o = MongoOrderRepository.fromDocument(d);
            all.put(o.id(), o.customerId() + "|" + o.amount().stripTrailingZeros().toPlainString() + "|" + o.status());
        }
        return all;
    }

    /** Every order row of a workstation's replica file, as {@link #centralOrders} shows them. */
    static Map<String, String> ordersIn(Workstation w) throws Exception {
        return rows(w, "SELECT id, customer_id, amount_paise, status FROM orders", 3);
    }

    /** Every customer row of a workstation's replica file, by email, as {@link #centralSnapshot} shows them. */
    static Map<String, String> fullSnapshot(Workstation w) throws Exception {
        return rows(w, "SELECT email_lc, id, name, phone, city, total_spend_paise, visits FROM customers", 6);
    }

    /** A query's rows on a workstation's replica file, by their first column, the others joined by "|" (one of them paise, shown as an amount). */
    private static Map<String, String> rows(Workstation w, String sql, int paiseColumn) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Connection c = replicaFile(w); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 2; i <= columns; i++) {
                    values.add(i == paiseColumn ? BigDecimal.valueOf(rs.getLong(i), 2).stripTrailingZeros().toPlainString()
                            : rs.getString(i));
                }
                all.put(rs.getString(1), String.join("|", values));
            }
        }
        return all;
    }

    /** A connection of its own to a workstation's replica file (the app has it open too, as another process would). */
    static Connection replicaFile(Workstation w) throws Exception {
        try (Stream<Path> files = Files.list(w.data())) {
            Path file = files.filter(f -> f.getFileName().toString().matches("replica-.*\\.db")).findFirst().orElseThrow();
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
            }
            return c;
        }
    }

    /** One sync of one workstation, as *Sync now* runs it; what moved. */
    static SyncEngine.Outcome syncOnce(Workstation w) {
        return w.sync().syncNow((d, t) -> { }, () -> false);
    }

    /** A sync of each workstation moves nothing: every change is everywhere, and nothing goes round. */
    void assertQuiet() {
        for (Workstation w : workstations) {
            SyncEngine.Outcome o = syncOnce(w);
            assertTrue(o.pushed() == 0 && o.pulled() == 0, "nothing moves in " + w.data().getFileName() + ": " + o);
        }
    }

    /** Centrally: each customer's totals are exactly its active orders, and every order has its customer. */
    void assertTotalsFollowActiveOrders() {
        Map<String, BigDecimal> spend = new HashMap<>();
        Map<String, Integer> visits = new HashMap<>();
        for (Document o : central().getCollection("orders").find(Filters.eq("status", "ACTIVE"))) {
            Order x = MongoOrderRepository.fromDocument(o);
            spend.merge(x.customerId(), x.amount(), BigDecimal::add);
            visits.merge(x.customerId(), 1, Integer::sum);
        }
        for (Document d : central().getCollection("customers").find()) {
            Customer c = MongoCustomerRepository.fromDocument(d);
            assertEquals(0, spend.getOrDefault(c.id(), BigDecimal.ZERO).compareTo(c.totalSpend()), "total spend of " + c);
            assertEquals((int) visits.getOrDefault(c.id(), 0), c.visits(), "visits of " + c);
        }
        for (Document o : central().getCollection("orders").find()) {
            assertTrue(central().getCollection("customers").countDocuments(Filters.eq("_id", new ObjectId(o.getString("customerId")))) == 1,
                    "an order without its customer: " + o.toJson());
        }
    }
}
