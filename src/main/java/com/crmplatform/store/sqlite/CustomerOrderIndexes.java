package com.crmplatform.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The indexes of customers and orders ({@link SqliteSchema} defines them) taken off and put back
 * around a bulk load into an empty file: a replica's first sync drops them all, builds those a
 * replica opens with at the end, and the others one at a time after the opening.
 */
public final class CustomerOrderIndexes {

    /**
     * Indexes a replica cannot open without: the emails' uniqueness, and the order the customers and
     * orders lists open in (and a customer's orders). The rest serve searches by surname or phone,
     * the other sort orders and audience counts, and may follow a moment later.
     */
    private static final Set<String> FIRST = Set.of("customers_id", "orders_id", "customers_email_lc", "customers_name",
            "orders_date", "orders_customer_date");

    /** Drops every index of customers and orders, their ids' too, for a bulk load into an empty file (a replica's first sync). */
    public static void dropAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SqliteSchema.customerAndOrderIndexes()) {
                s.execute("DROP INDEX IF EXISTS " + indexName(sql));
            }
        }
    }

    /** Builds the indexes of customers and orders a replica opens with (after the bulk load; a no-op when they exist). */
    public static void createFirst(Connection c) throws SQLException {
        requireUniqueIds(c, "customers");
        requireUniqueIds(c, "orders");
        try (Statement s = c.createStatement()) {
            for (String sql : SqliteSchema.customerAndOrderIndexes()) {
                if (FIRST.contains(indexName(sql))) {
                    s.execute(sql);
                }
            }
        }
    }

    /**
     * Puts back the index that keeps the ids of customers or orders unique (a no-op when it is
     * there). Rows loaded without it can hold a record twice (a first sync stopped and read again;
     * a server's cursor may also return a document that changed during the read twice): the copy
     * written last is kept.
     */
    public static void requireUniqueIds(Connection c, String table) throws SQLException {
        String sql = SqliteSchema.customerAndOrderIndexes().stream().filter(x -> x.endsWith(" ON " + table + "(id)")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ids index on " + table));
        try (Statement s = c.createStatement()) {
            try {
                s.execute(sql);
            } catch (SQLiteException e) {
                if (e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                    throw e;
                }
                s.execute("DELETE FROM " + table + " WHERE rowid NOT IN (SELECT max(rowid) FROM " + table + " GROUP BY id)");
                s.execute(sql);
            }
        }
    }

    /** The customer and order indexes the file lacks, by name (none once a first sync's are all built). */
    public static List<String> missing(Connection c) throws SQLException {
        Set<String> present = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index'")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        return SqliteSchema.customerAndOrderIndexes().stream().map(CustomerOrderIndexes::indexName).filter(n -> !present.contains(n)).toList();
    }

    /** Builds one of the customer and order indexes, by name (a no-op when it exists). */
    public static void create(Connection c, String name) throws SQLException {
        String sql = SqliteSchema.customerAndOrderIndexes().stream().filter(x -> indexName(x).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no index " + name));
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String indexName(String createIndex) {
        return createIndex.replaceFirst(".*IF NOT EXISTS (\\S+) ON.*", "$1");
    }

    private CustomerOrderIndexes() {
    }
}
