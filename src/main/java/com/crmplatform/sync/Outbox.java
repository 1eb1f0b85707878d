package com.crmplatform.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A replica's outbox (ADR 0007): {@code sync_outbox} rows that name a changed record, one per change,
 * written by triggers on {@code customers} and {@code orders} in the transaction of the change
 * itself, so every writer of the repositories (forms, import batches, deletion and undo) is covered
 * without knowing about sync. The triggers stand still while {@code sync_state.applying} is set:
 * the engine's own writes (pulled data, bookkeeping; {@link Replica#quietly}) are no change of this
 * workstation's. Everything here works inside the caller's transaction.
 */
public final class Outbox {

    /** A pending change: which record; the engine pushes the record's state as it is now. */
    public record Pending(long seq, String kind, String recordId) {
    }

    private static final String TRACKING = "(SELECT applying FROM sync_state WHERE id = 1) = 0";
    private static final String[] TRIGGERS = {
        "CREATE TRIGGER IF NOT EXISTS sync_customer_insert AFTER INSERT ON customers WHEN " + TRACKING
                + " BEGIN INSERT INTO sync_outbox (kind, record_id) VALUES ('customer', NEW.id); END",
        "CREATE TRIGGER IF NOT EXISTS sync_customer_update AFTER UPDATE ON customers WHEN " + TRACKING
                + " AND (OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone"
                + " OR OLD.city IS NOT NEW.city)"
                + " BEGIN INSERT INTO sync_outbox (kind, record_id) VALUES ('customer', NEW.id); END",
        "CREATE TRIGGER IF NOT EXISTS sync_customer_delete AFTER DELETE ON customers WHEN " + TRACKING
                + " BEGIN INSERT INTO sync_outbox (kind, record_id) VALUES ('customer', OLD.id); END",
        // A customer copied from MongoDB is its own base until it is first edited or deleted here:
        // then its central state is kept aside, in the same transaction, before the change.
        "CREATE TRIGGER IF NOT EXISTS sync_base_before_update BEFORE UPDATE ON customers WHEN " + TRACKING
                + " AND OLD.sync_version >= 0 AND (OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email"
                + " OR OLD.phone IS NOT NEW.phone OR OLD.city IS NOT NEW.city)"
                + " AND NOT EXISTS (SELECT 1 FROM sync_base WHERE record_id = OLD.id)"
                + " BEGIN INSERT INTO sync_base (record_id, version, name, email, phone, city)"
                + " VALUES (OLD.id, OLD.sync_version, OLD.name, OLD.email, OLD.phone, OLD.city); END",
        "CREATE TRIGGER IF NOT EXISTS sync_base_before_delete BEFORE DELETE ON customers WHEN " + TRACKING
                + " AND OLD.sync_version >= 0 AND NOT EXISTS (SELECT 1 FROM sync_base WHERE record_id = OLD.id)"
                + " BEGIN INSERT INTO sync_base (record_id, version, name, email, phone, city)"
                + " VALUES (OLD.id, OLD.sync_version, OLD.name, OLD.email, OLD.phone, OLD.city); END",
        "CREATE TRIGGER IF NOT EXISTS sync_order_insert AFTER INSERT ON orders WHEN " + TRACKING
                + " BEGIN INSERT INTO sync_outbox (kind, record_id) VALUES ('order', NEW.id); END",
        "CREATE TRIGGER IF NOT EXISTS sync_order_update AFTER UPDATE OF status ON orders WHEN " + TRACKING
                + " AND OLD.status IS NOT NEW.status"
                + " BEGIN INSERT INTO sync_outbox (kind, record_id) VALUES ('order', NEW.id); END",
    };

    /** Puts the outbox triggers on the file (where they are missing). */
    static void createTriggers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : TRIGGERS) {
                s.execute(sql);
            }
        }
    }

    /**
     * Takes the outbox triggers off while a first sync fills the empty replica: every row it writes
     * is central already, and the triggers' check would run for each. Nothing else writes then (the
     * window and the data commands wait for the first sync); the last page puts them back, and so
     * does the next opening if the first sync was stopped.
     */
    static void dropTriggers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : TRIGGERS) {
                s.execute("DROP TRIGGER IF EXISTS " + sql.replaceFirst("CREATE TRIGGER IF NOT EXISTS (\\S+) .*", "$1"));
            }
        }
    }

    /** The oldest pending changes, in the order they were made. */
    static List<Pending> pending(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, kind, record_id FROM sync_outbox ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            List<Pending> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        }
    }

    /** How many records have changes waiting to be pushed (consent changes included). */
    static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(DISTINCT record_id) "
                + "FROM sync_outbox) + (SELECT COUNT(*) FROM consent WHERE pending = 1)")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** A short line per pending record, newest last: what "pending N" is made of. */
    static List<String> descriptions(Connection c, int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.kind, o.record_id, MAX(o.seq), "
                + "COALESCE(cu.name || ' <' || cu.email || '>', 'order of ' || od.customer_name || ', ' || od.order_date "
                + "|| ' (' || od.status || ')') FROM sync_outbox o LEFT JOIN customers cu ON o.kind = 'customer' "
                + "AND cu.id = o.record_id LEFT JOIN orders od ON o.kind = 'order' AND od.id = o.record_id "
                + "GROUP BY o.kind, o.record_id ORDER BY MAX(o.seq) LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String what = rs.getString(4);
                    lines.add(what != null ? ("customer".equals(rs.getString(1)) ? "Customer " : "New ") + what
                            : "Deleted " + rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT email_lc, state FROM consent WHERE pending = 1 "
                + "ORDER BY at LIMIT ?")) {
            ps.setInt(1, Math.max(0, limit - lines.size()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(switch (rs.getString(2)) {
                        case "UNSUBSCRIBED" -> "Unsubscribed ";
                        case "BOUNCED" -> "Bounced ";
                        default -> "Subscribed again ";
                    } + rs.getString(1));
                }
            }
        }
        return lines;
    }

    /**
     * Removes pushed outbox rows: those read (a change made meanwhile has a higher number and stays
     * pending), except the records kept back.
     */
    public static void donePushing(Connection c, List<Pending> read, Set<String> kept) throws SQLException {
        if (read.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_outbox WHERE seq BETWEEN ? AND ?")) {
            ps.setLong(1, read.get(0).seq());
            ps.setLong(2, read.get(read.size() - 1).seq());
            ps.executeUpdate();
        }
        for (Pending p : read) {
            if (kept.contains(p.recordId())) {
                add(c, p.kind(), p.recordId());
            }
        }
    }

    public static void add(Connection c, String kind, String recordId) throws SQLException {
        Sql.update(c, "INSERT INTO sync_outbox (kind, record_id) VALUES (?, ?)", kind, recordId);
    }

    public static void drop(Connection c, String recordId) throws SQLException {
        Sql.update(c, "DELETE FROM sync_outbox WHERE record_id = ?", recordId);
    }

    /** Whether this customer, or one of its orders, has a change here not pushed yet or an open conflict. */
    public static boolean hasLocalChanges(Connection c, String customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE record_id = ?) "
                + "OR EXISTS (SELECT 1 FROM sync_conflicts WHERE record_id = ?) "
                + "OR EXISTS (SELECT 1 FROM sync_outbox o JOIN orders d ON d.id = o.record_id WHERE d.customer_id = ?)")) {
            ps.setString(1, customerId);
            ps.setString(2, customerId);
            ps.setString(3, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The ids of this customer's orders with a change waiting to be pushed, in one query. */
    public static Set<String> pendingOrderIdsOf(Connection c, String customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT o.record_id FROM sync_outbox o JOIN orders d "
                + "ON d.id = o.record_id WHERE d.customer_id = ?")) {
            ps.setString(1, customerId);
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    public static boolean has(Connection c, String recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE record_id = ?)")) {
            ps.setString(1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private Outbox() {
    }
}
