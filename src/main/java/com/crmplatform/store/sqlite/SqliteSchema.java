package com.crmplatform.store.sqlite;

import com.crmplatform.store.StoreException;
import com.crmplatform.store.Texts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.sqlite.SQLiteException;

/**
 * Tables and indexes of the local store, as numbered migrations: the file's {@code user_version}
 * says which have run. At opening the missing ones run, each in its own transaction with the new
 * version (a failed one leaves the file as it was); a file newer than this app is refused and never
 * written. Migration 1 is the schema of release 0.1.0, written idempotently so that files of that
 * release (which set version 1 unconditionally) open as they are. Every listing sorts
 * on an index of (key, id), so pages are keyset range reads. {@code last_purchase} is '' for
 * "never", so it sorts first like MongoDB's null and row-value comparisons stay index-friendly.
 */
public final class SqliteSchema {

    private static final String[] VERSION_1 = {
        """
        CREATE TABLE IF NOT EXISTS customers (
          id TEXT NOT NULL PRIMARY KEY,
          name TEXT NOT NULL,
          name_lc TEXT NOT NULL,
          surname_lc TEXT NOT NULL,
          email TEXT NOT NULL,
          email_lc TEXT NOT NULL,
          phone TEXT NOT NULL DEFAULT '',
          phone_digits TEXT NOT NULL DEFAULT '',
          city TEXT NOT NULL DEFAULT '',
          total_spend_paise INTEGER NOT NULL DEFAULT 0,
          visits INTEGER NOT NULL DEFAULT 0,
          last_purchase TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          created_by TEXT NOT NULL,
          updated_by TEXT NOT NULL,
          version INTEGER NOT NULL
        )""",
        "CREATE UNIQUE INDEX IF NOT EXISTS customers_email_lc ON customers(email_lc)",
        "CREATE INDEX IF NOT EXISTS customers_name ON customers(name_lc, id)",
        "CREATE INDEX IF NOT EXISTS customers_surname ON customers(surname_lc)",
        "CREATE INDEX IF NOT EXISTS customers_phone ON customers(phone_digits)",
        "CREATE INDEX IF NOT EXISTS customers_spend ON customers(total_spend_paise, id)",
        "CREATE INDEX IF NOT EXISTS customers_visits ON customers(visits, id)",
        "CREATE INDEX IF NOT EXISTS customers_last_purchase ON customers(last_purchase, id)",
        // Covers every segment field: audience counts read this index only, never the table rows.
        "CREATE INDEX IF NOT EXISTS customers_segment ON customers(total_spend_paise, visits, last_purchase)",
        """
        CREATE TABLE IF NOT EXISTS orders (
          id TEXT NOT NULL PRIMARY KEY,
          customer_id TEXT NOT NULL,
          customer_name TEXT NOT NULL,
          customer_email TEXT NOT NULL,
          amount_paise INTEGER NOT NULL,
          order_date TEXT NOT NULL,
          items TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          created_by TEXT NOT NULL,
          updated_by TEXT NOT NULL,
          version INTEGER NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS orders_date ON orders(order_date, id)",
        "CREATE INDEX IF NOT EXISTS orders_customer_date ON orders(customer_id, order_date, id)",
        """
        CREATE TABLE IF NOT EXISTS campaigns (
          id TEXT NOT NULL PRIMARY KEY,
          name TEXT NOT NULL,
          rule TEXT NOT NULL,
          message TEXT NOT NULL,
          status TEXT NOT NULL,
          audience_size INTEGER NOT NULL DEFAULT 0,
          sent INTEGER NOT NULL DEFAULT 0,
          failed INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          created_by TEXT NOT NULL,
          updated_by TEXT NOT NULL,
          version INTEGER NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS campaigns_created ON campaigns(created_at, id)",
        """
        CREATE TABLE IF NOT EXISTS communication_log (
          id TEXT NOT NULL PRIMARY KEY,
          campaign_id TEXT NOT NULL,
          customer_id TEXT NOT NULL,
          customer_name TEXT NOT NULL,
          customer_email TEXT NOT NULL,
          message TEXT NOT NULL,
          status TEXT NOT NULL,
          attempt INTEGER NOT NULL,
          lease_owner TEXT NOT NULL DEFAULT '',
          lease_until INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        )""",
        // Claims walk pending entries in id order; leases are not indexed, so taking one is a row write only.
        "DROP INDEX IF EXISTS log_claim",
        "CREATE INDEX IF NOT EXISTS log_pending ON communication_log(status, id)",
        "CREATE INDEX IF NOT EXISTS log_campaign ON communication_log(campaign_id, status, id)",
        """
        CREATE TABLE IF NOT EXISTS segments (
          id TEXT NOT NULL PRIMARY KEY,
          name TEXT NOT NULL,
          name_lc TEXT NOT NULL UNIQUE,
          rule TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          created_by TEXT NOT NULL,
          updated_by TEXT NOT NULL,
          version INTEGER NOT NULL
        )""",
    };

    /** A customers row whose email has not opted out of marketing (audiences leave the others out). */
    public static final String NOT_UNSUBSCRIBED = "NOT EXISTS (SELECT 1 FROM consent WHERE consent.email_lc = customers.email_lc "
            + "AND consent.state = 'UNSUBSCRIBED')";

    /** A campaigns row whose messages all have an outcome (CampaignStatus.afterDelivery, in SQL). */
    public static final String CAMPAIGN_COMPLETED = "sent + failed >= audience_size";

    private SqliteSchema() {
    }

    /** The migrations in order: index i takes a file from version i to version i + 1. */
    /** Schema 2: delivery leases by batch (one row per claimed id range) instead of a lease written on every entry. */
    private static final String[] VERSION_2 = {
        """
        CREATE TABLE IF NOT EXISTS delivery_leases (
          first_id TEXT NOT NULL PRIMARY KEY,
          last_id TEXT NOT NULL,
          owner TEXT NOT NULL,
          until INTEGER NOT NULL
        )""",
    };

    /**
     * Schema 3: team-mode sync (ADR 0007). Pending changes (one row per write, by record), the base
     * each replica customer was last seen at centrally, open conflicts, records to fetch again,
     * and the sync position. The triggers that fill the outbox are put on replicas only.
     */
    private static final String[] VERSION_3 = {
        """
        CREATE TABLE IF NOT EXISTS sync_outbox (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL,
          record_id TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS sync_outbox_record ON sync_outbox(record_id)",
        """
        CREATE TABLE IF NOT EXISTS sync_base (
          record_id TEXT NOT NULL PRIMARY KEY,
          version INTEGER NOT NULL,
          name TEXT NOT NULL,
          email TEXT NOT NULL,
          phone TEXT NOT NULL,
          city TEXT NOT NULL
        )""",
        """
        CREATE TABLE IF NOT EXISTS sync_conflicts (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          record_id TEXT NOT NULL,
          record TEXT NOT NULL,
          field TEXT NOT NULL,
          mine TEXT,
          theirs TEXT,
          their_version INTEGER NOT NULL DEFAULT -1,
          UNIQUE (record_id, field)
        )""",
        "CREATE TABLE IF NOT EXISTS sync_refetch (record_id TEXT NOT NULL PRIMARY KEY)",
        """
        CREATE TABLE IF NOT EXISTS sync_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          applying INTEGER NOT NULL DEFAULT 0,
          last_seq INTEGER NOT NULL DEFAULT -1,
          last_sync INTEGER,
          first_sync_phase TEXT NOT NULL DEFAULT 'customers',
          first_sync_after TEXT NOT NULL DEFAULT '',
          first_sync_from INTEGER NOT NULL DEFAULT -1
        )""",
        "INSERT OR IGNORE INTO sync_state (id) VALUES (1)",
    };

    /**
     * Schema 4: a team-mode replica's customer row remembers the central version it was copied at
     * ({@code -1}: never central, or local mode); until the row is first edited it is its own base,
     * so a first sync writes each customer once.
     */
    private static final String[] VERSION_4 = {
        "ALTER TABLE customers ADD COLUMN sync_version INTEGER NOT NULL DEFAULT -1",
    };

    /**
     * Schema 5: campaigns by email. A campaign has a channel and a subject; each message keeps its
     * channel and personalised subject, and a failed one the reason the vendor or mail server gave.
     */
    private static final String[] VERSION_5 = {
        "ALTER TABLE campaigns ADD COLUMN channel TEXT NOT NULL DEFAULT 'SIMULATED'",
        "ALTER TABLE campaigns ADD COLUMN subject TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE communication_log ADD COLUMN channel TEXT NOT NULL DEFAULT 'SIMULATED'",
        "ALTER TABLE communication_log ADD COLUMN subject TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE communication_log ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
    };

    /**
     * Schema 6: marketing consent by email address (the later record holds); {@code pending} marks a
     * change made here that a team replica has not yet written centrally.
     */
    private static final String[] VERSION_6 = {
        """
        CREATE TABLE IF NOT EXISTS consent (
          email_lc TEXT PRIMARY KEY,
          state TEXT NOT NULL,
          at INTEGER NOT NULL,
          how TEXT NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX IF NOT EXISTS consent_pending ON consent(pending) WHERE pending = 1",
    };

    /**
     * The ids of customers and orders are unique by an index of their own rather than by a primary
     * key (schema 7), so that a replica's first sync can load without it and build it once at the
     * end: kept up row by row, it took most of the load's time when the server sends records out
     * of id order.
     */
    private static final String[] ID_INDEXES = {
        "CREATE UNIQUE INDEX IF NOT EXISTS customers_id ON customers(id)",
        "CREATE UNIQUE INDEX IF NOT EXISTS orders_id ON orders(id)",
    };

    /**
     * Schema 7: customers and orders rebuilt without a primary key (the same columns and rows), their
     * ids unique by {@link #ID_INDEXES}, and every index of the two tables made again.
     */
    private static final String[] VERSION_7 = Stream.concat(Stream.of(
        """
        CREATE TABLE customers_v7 (
          id TEXT NOT NULL,
          name TEXT NOT NULL,
          name_lc TEXT NOT NULL,
          surname_lc TEXT NOT NULL,
          email TEXT NOT NULL,
          email_lc TEXT NOT NULL,
          phone TEXT NOT NULL DEFAULT '',
          phone_digits TEXT NOT NULL DEFAULT '',
          city TEXT NOT NULL DEFAULT '',
          total_spend_paise INTEGER NOT NULL DEFAULT 0,
          visits INTEGER NOT NULL DEFAULT 0,
          last_purchase TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          created_by TEXT NOT NULL,
          updated_by TEXT NOT NULL,
          version INTEGER NOT NULL,
          sync_version INTEGER NOT NULL DEFAULT -1
        )""",
        copy("customers", "id, name, name_lc, surname_lc, email, email_lc, phone, phone_digits, city, total_spend_paise, "
                + "visits, last_purchase, created_at, updated_at, created_by, updated_by, version, sync_version"),
        "DROP TABLE customers",
        "ALTER TABLE customers_v7 RENAME TO customers",
        """
        CREATE TABLE orders_v7 (
          id TEXT NOT NULL,
          customer_id TEXT NOT NULL,
          customer_name TEXT NOT NULL,
          customer_email TEXT NOT NULL,
          amount_paise INTEGER NOT NULL,
          order_date TEXT NOT NULL,
          items TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          created_by TEXT NOT NULL,
          updated_by TEXT NOT NULL,
          version INTEGER NOT NULL
        )""",
        copy("orders", "id, customer_id, customer_name, customer_email, amount_paise, order_date, items, status, "
                + "created_at, updated_at, created_by, updated_by, version"),
        "DROP TABLE orders",
        "ALTER TABLE orders_v7 RENAME TO orders"), customerAndOrderIndexes().stream()).toArray(String[]::new);

    private static final List<String[]> MIGRATIONS = List.of(VERSION_1, VERSION_2, VERSION_3, VERSION_4, VERSION_5,
            VERSION_6, VERSION_7);

    private static String copy(String table, String columns) {
        return "INSERT INTO " + table + "_v7 (" + columns + ") SELECT " + columns + " FROM " + table;
    }

    /** Every index of customers and orders: their ids', then those of schema 1 ({@link CustomerOrderIndexes}). */
    static List<String> customerAndOrderIndexes() {
        return Stream.concat(Arrays.stream(ID_INDEXES), Arrays.stream(VERSION_1)
                .filter(sql -> sql.matches("CREATE (UNIQUE )?INDEX .* ON (customers|orders)\\(.*"))).toList();
    }

    /** The schema version this app writes. */
    public static final int LATEST = MIGRATIONS.size();

    /** The file's schema version (0 for a new, empty file). */
    public static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Brings the file to {@link #LATEST}; each step commits on its own.
     *
     * @throws StoreException when the file is newer than this app, or a step failed (then rolled back)
     */
    public static void migrate(SqliteDatabase db) {
        migrate(db, () -> { });
    }

    /** @param upgrading told first when a file written by an earlier version is upgraded (not when one is created) */
    public static void migrate(SqliteDatabase db, Runnable upgrading) {
        int found = requireKnown(db);
        if (found > 0 && found < LATEST) {
            upgrading.run();
        }
        for (int v = found; v < LATEST; v++) {
            String[] step = MIGRATIONS.get(v);
            int to = v + 1;
            long giveUp = System.nanoTime() + UPGRADE_WAIT.toNanos();
            while (true) {
                try {
                    db.inTransaction(c -> {
                        int now = version(c);
                        if (now > LATEST) {
                            throw new StoreException(Texts.get("store.schema.newer", db.file(), now, LATEST));
                        }
                        if (now >= to) {
                            return null; // another process opening the file ran this step first
                        }
                        try (Statement s = c.createStatement()) {
                            for (String sql : step) {
                                s.execute(sql);
                            }
                            s.execute("PRAGMA user_version = " + to);
                        }
                        return null;
                    });
                    break;
                } catch (StoreException e) {
                    if (busy(e) && System.nanoTime() < giveUp) {
                        continue; // another process is upgrading the file: each try waited the busy timeout
                    }
                    throw new StoreException(Texts.get("store.schema.failed", db.file(), to, e.getMessage()), e);
                }
            }
        }
    }

    /** How long an opening waits for another process upgrading the same file (a large file's rebuild takes a while). */
    private static final Duration UPGRADE_WAIT = Duration.ofMinutes(3);

    private static boolean busy(StoreException e) {
        return e.getCause() instanceof SQLiteException se && se.getResultCode().name().startsWith("SQLITE_BUSY");
    }

    /**
     * @return the file's version
     * @throws StoreException when the file was written by a newer app (nothing is written to it)
     */
    public static int requireKnown(SqliteDatabase db) {
        int found = db.read(SqliteSchema::version);
        if (found > LATEST) {
            throw new StoreException(Texts.get("store.schema.newer", db.file(), found, LATEST));
        }
        return found;
    }

    /** Applies every migration to a connection inside the caller's transaction (tests and tools). */
    public static void apply(Connection c) throws SQLException {
        int found = version(c);
        try (Statement s = c.createStatement()) {
            for (int v = found; v < LATEST; v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + Math.max(found, LATEST));
        }
    }
}
