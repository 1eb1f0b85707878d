package com.crmplatform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.MongoStore;
import com.crmplatform.app.SqliteStore;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignStatus;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.segment.RuleJson;
import com.crmplatform.store.mongo.MongoSchema;
import com.crmplatform.store.sqlite.CustomerOrderIndexes;
import com.crmplatform.store.sqlite.SqliteSchema;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both stores carry a schema version: older ones are upgraded, newer ones refused and left alone. */
class SchemaVersionTest {

    @TempDir
    Path dir;

    /** A crm.db written by release 0.1.0 (seed 40/120, seed 7; one campaign delivered), copied to a data folder. */
    private Path release010() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (InputStream in = getClass().getResourceAsStream("/compat/crm-0.1.0.db")) {
            Files.copy(in, data.resolve(SqliteStore.FILE_NAME));
        }
        return data;
    }

    private static long sql(Path db, String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aStoreWrittenByRelease010OpensWithTheSameCustomersOrdersCampaignsAndCounts() throws Exception {
        Path data = release010();
        try (SqliteStore store = SqliteStore.open(data)) {
            assertEquals(40, store.customers().count(CustomerQuery.all()));
            assertEquals(120, store.orders().count(OrderQuery.all()));
            List<Customer> all = store.customers().page(CustomerQuery.all(), PageRequest.first(100)).items();
            assertEquals(new BigDecimal("2905801.22"), all.stream().map(Customer::totalSpend).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertEquals(120, all.stream().mapToInt(Customer::visits).sum());
            List<Campaign> campaigns = store.campaigns().newestFirst(10);
            assertEquals(1, campaigns.size());
            assertEquals(CampaignStatus.COMPLETED, campaigns.get(0).status());
            assertEquals(List.of(39L, 36L, 3L), List.of(campaigns.get(0).audienceSize(), campaigns.get(0).sent(), campaigns.get(0).failed()));
            assertEquals(25, store.audience().countMatching(RuleJson.parse(
                    "{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\",\"operator\":\">=\",\"value\":3}]}"), LocalDate.of(2026, 11, 30)));
            store.customers().insert(TestData.customer("New Customer", "new@example.com")); // and it can be written
        }
        Path file = data.resolve(SqliteStore.FILE_NAME);
        assertEquals(SqliteSchema.LATEST, sql(file, "PRAGMA user_version"));
        // Schema 7: customers and orders rebuilt with their ids unique by an index, not a primary key.
        assertEquals(0, sql(file, "SELECT count(*) FROM pragma_table_info('customers') WHERE pk > 0"));
        assertEquals(0, sql(file, "SELECT count(*) FROM pragma_table_info('orders') WHERE pk > 0"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of(), CustomerOrderIndexes.missing(c), "every index made again");
            c.createStatement().execute("DROP INDEX customers_email_lc"); // so that only the ids can refuse a copied row
            for (String table : List.of("customers", "orders")) {
                SQLException twice = assertThrows(SQLException.class, () -> c.createStatement().execute(
                        "INSERT INTO " + table + " SELECT * FROM " + table + " LIMIT 1"));
                assertTrue(twice.getMessage().contains("UNIQUE constraint failed: " + table + ".id"), twice.getMessage());
            }
        }
    }

    /** A large file's upgrade outlasts the 5 s busy timeout: another process opening it meanwhile waits, then opens. */
    @Test
    void anOpeningWaitsForAnotherProcessThatHoldsTheFileLongerThanTheBusyTimeout() throws Exception {
        Path data = release010();
        Path file = data.resolve(SqliteStore.FILE_NAME);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            other.createStatement().execute("PRAGMA journal_mode = WAL");
            other.setAutoCommit(false);
            other.createStatement().execute("UPDATE customers SET city = city"); // holds the write lock
            ExecutorService opener = Executors.newSingleThreadExecutor();
            try {
                long start = System.nanoTime();
                Future<Long> opened = opener.submit(() -> {
                    try (SqliteStore store = SqliteStore.open(data)) {
                        return store.customers().count(CustomerQuery.all());
                    }
                });
                Thread.sleep(6_500);
                assertFalse(opened.isDone(), "still waiting after the busy timeout");
                other.rollback();
                assertEquals(40, opened.get());
                assertTrue(System.nanoTime() - start > 6_000_000_000L);
            } finally {
                opener.shutdownNow();
            }
        }
        assertEquals(SqliteSchema.LATEST, sql(file, "PRAGMA user_version"));
    }

    @Test
    void rowsLoadedWithoutTheIdsIndexKeepTheLaterCopyOfARecordReadTwice() throws Exception {
        Path file = dir.resolve("loaded.db");
        try (SqliteStore store = SqliteStore.openFile(file)) {
            store.customers().insert(TestData.customer("Asha Rao", "asha@example.com"));
            store.customers().insert(TestData.customer("Ravi Kumar", "ravi@example.com"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("DROP INDEX customers_id");
            c.createStatement().execute("DROP INDEX customers_email_lc");
            c.createStatement().execute("INSERT INTO customers SELECT * FROM customers WHERE email = 'asha@example.com'");
            c.createStatement().execute("UPDATE customers SET city = 'Nashik' WHERE rowid = (SELECT max(rowid) FROM customers)");
            CustomerOrderIndexes.requireUniqueIds(c, "customers");
            CustomerOrderIndexes.createFirst(c);
        }
        assertEquals(2, sql(file, "SELECT count(*) FROM customers"));
        assertEquals(1, sql(file, "SELECT count(*) FROM customers WHERE email = 'asha@example.com' AND city = 'Nashik'"),
                "the copy written last");
    }

    @Test
    void aStoreFromANewerAppIsRefusedAndNeverWrittenDown() throws Exception {
        Path data = release010();
        Path file = data.resolve(SqliteStore.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("PRAGMA user_version = " + (SqliteSchema.LATEST + 4));
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(data));
        assertTrue(e.getMessage().contains("written by a newer CRM Platform (schema " + (SqliteSchema.LATEST + 4)
                + "; this app knows " + SqliteSchema.LATEST + ")"), e.getMessage());
        assertThrows(StoreException.class, () -> SqliteStore.openForReading(data));
        assertEquals(SqliteSchema.LATEST + 4, sql(file, "PRAGMA user_version"), "not written down");
        assertEquals(40, sql(file, "SELECT count(*) FROM customers"));
    }

    @Test
    void aFailedUpgradeLeavesTheStoreAsItWasAndSaysSo() throws Exception {
        Path data = dir.resolve("odd");
        Files.createDirectories(data);
        Path file = data.resolve(SqliteStore.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE VIEW orders AS SELECT 1 AS x"); // in the way of migration 1
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(data));
        assertTrue(e.getMessage().contains("failed, and it was left as it was"), e.getMessage());
        assertEquals(0, sql(file, "PRAGMA user_version"));
        assertEquals(0, sql(file, "SELECT count(*) FROM sqlite_master WHERE name = 'customers'"), "nothing half done");
    }

    @Test
    void theCentralDatabaseIsVersionedMigratedOnceAtATimeAndRefusedWhenNewer() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/crm-test";
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (var client = MongoClients.create(url)) {
            var db = client.getDatabase("crm-test");
            // a crashed process left a lock that has run out
            db.getCollection("meta").insertOne(new Document("_id", "lock").append("owner", "gone")
                    .append("until", new Date(System.currentTimeMillis() - 1_000)));
            List<Future<?>> opening = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // three workstations start at once
                opening.add(pool.submit(() -> {
                    MongoStore.open(url, 5_000).close();
                    return null;
                }));
            }
            for (Future<?> f : opening) {
                f.get();
            }
            assertEquals(MongoSchema.LATEST, MongoSchema.version(db));
            assertEquals(0, db.getCollection("meta").countDocuments(Filters.eq("_id", "lock")), "the lock was given back");
            db.getCollection("meta").updateOne(Filters.eq("_id", "schema"), Updates.set("version", MongoSchema.LATEST + 1),
                    new UpdateOptions().upsert(true));
            StoreException e = assertThrows(StoreException.class, () -> MongoStore.open(url, 5_000));
            assertTrue(e.getMessage().contains("newer CRM Platform"), e.getMessage());
            assertEquals(MongoSchema.LATEST + 1, MongoSchema.version(db), "not written down");
        } finally {
            pool.shutdownNow();
            server.shutdownNow();
        }
    }

    @Test
    void aCentralDatabaseFromRelease010WithInterruptedWritesIsListedRightAndSweptExactly() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/crm-test";
        try (var client = MongoClients.create(url)) {
            var db = client.getDatabase("crm-test");
            Customer c = TestData.customer("Farah Khan", "farah@example.com", "160.00", 3, LocalDate.of(2026, 3, 1));
            com.crmplatform.order.Order a = TestData.order(c, "10.00", LocalDate.of(2026, 1, 1)); // counted, marked
            com.crmplatform.order.Order b = TestData.order(c, "50.00", LocalDate.of(2026, 2, 1)); // counted, not yet marked
            com.crmplatform.order.Order cc = TestData.order(c, "7.00", LocalDate.of(2026, 2, 2)); // stored, never counted
            com.crmplatform.order.Order d = TestData.order(c, "100.00", LocalDate.of(2026, 3, 1)); // cancelled, still counted
            com.crmplatform.order.Order e = TestData.order(c, "30.00", LocalDate.of(2026, 1, 5)); // cancelled, taken out
            db.getCollection("customers").insertOne(com.crmplatform.customer.MongoCustomerRepository.toDocument(c)
                    .append("ops", List.of("a:" + b.id(), "c:" + e.id())));
            var orders = db.getCollection("orders");
            orders.insertOne(com.crmplatform.order.MongoOrderRepository.toDocument(a).append("applied", true));
            orders.insertOne(com.crmplatform.order.MongoOrderRepository.toDocument(b).append("applied", false));
            orders.insertOne(com.crmplatform.order.MongoOrderRepository.toDocument(cc).append("applied", false));
            orders.insertOne(com.crmplatform.order.MongoOrderRepository.toDocument(d).append("applied", true)
                    .append("status", "CANCELLED").append("reverted", false));
            orders.insertOne(com.crmplatform.order.MongoOrderRepository.toDocument(e).append("applied", true)
                    .append("status", "CANCELLED").append("reverted", false));
            try (MongoStore store = MongoStore.open(url, 5_000)) { // migrates to schema 2, then sweeps
                Customer after = store.customers().findById(c.id()).orElseThrow();
                assertEquals(new BigDecimal("67.00"), after.totalSpend(), "a + b + the never-counted c");
                assertEquals(3, after.visits());
                assertEquals(LocalDate.of(2026, 2, 2), after.lastPurchaseDate(), "the cancelled d no longer sets it");
            }
            assertEquals(MongoSchema.LATEST, MongoSchema.version(db));
        } finally {
            server.shutdownNow();
        }
    }
}
