package com.crmplatform.order;

import com.crmplatform.store.Audit;
import com.crmplatform.store.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing order rows of the local store; shared with customer deletion and undo. */
public final class SqliteOrderRows {

    static final String COLUMNS = "id, customer_id, customer_name, customer_email, amount_paise, order_date, items, "
            + "status, created_at, updated_at, created_by, updated_by, version";
    private static final String INSERT = "INSERT OR IGNORE INTO orders (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private SqliteOrderRows() {
    }

    /**
     * Inserts orders whose id is not stored yet; returns, per order, whether it was new. (Only a
     * first sync writes while the ids' index is away; it ignores the answer.)
     */
    public static boolean[] insert(Connection c, List<Order> orders) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Order o : orders) {
                int i = 1;
                ps.setString(i++, o.id());
                ps.setString(i++, o.customerId());
                ps.setString(i++, o.customerName());
                ps.setString(i++, o.customerEmail());
                ps.setLong(i++, Money.toPaise(o.amount()));
                ps.setString(i++, o.orderDate().toString());
                ps.setString(i++, LineItems.format(o.items()));
                ps.setString(i++, o.status().name());
                Audit a = o.audit();
                ps.setLong(i++, a.createdAt().toEpochMilli());
                ps.setLong(i++, a.updatedAt().toEpochMilli());
                ps.setString(i++, a.createdBy());
                ps.setString(i++, a.updatedBy());
                ps.setLong(i, a.version());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            boolean[] inserted = new boolean[orders.size()];
            for (int k = 0; k < counts.length; k++) {
                inserted[k] = counts[k] > 0;
            }
            return inserted;
        }
    }

    /** The stored order, if any. */
    public static java.util.Optional<Order> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders WHERE id=?")) {
            ps.setString(1, id);
            List<Order> rows = all(ps);
            return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rows.get(0));
        }
    }

    /** Marks a stored order cancelled as given (team-mode sync; the customer's totals are the caller's business). */
    public static void markCancelled(Connection c, Order cancelled) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE orders SET status='CANCELLED', updated_at=?, updated_by=?, version=? WHERE id=?")) {
            ps.setLong(1, cancelled.audit().updatedAt().toEpochMilli());
            ps.setString(2, cancelled.audit().updatedBy());
            ps.setLong(3, cancelled.audit().version());
            ps.setString(4, cancelled.id());
            ps.executeUpdate();
        }
    }

    /**
     * Takes an active order out of its customer's totals (spend and visits, never below zero); the
     * last purchase date moves back to the latest remaining active order only if it was this order's.
     */
    public static void uncount(Connection c, Order order, Instant now, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET "
                + "total_spend_paise = max(0, total_spend_paise - ?), visits = max(0, visits - 1), "
                + "last_purchase = CASE WHEN last_purchase = ? THEN coalesce((SELECT max(order_date) FROM orders "
                + "WHERE customer_id = ? AND status = 'ACTIVE' AND id <> ?), '') ELSE last_purchase END, "
                + "version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
            ps.setLong(1, Money.toPaise(order.amount()));
            ps.setString(2, order.orderDate().toString());
            ps.setString(3, order.customerId());
            ps.setString(4, order.id());
            ps.setLong(5, now.toEpochMilli());
            ps.setString(6, user);
            ps.setString(7, order.customerId());
            ps.executeUpdate();
        }
    }

    /** The stored orders among these ids, read 5,000 ids per query. */
    public static List<Order> byIds(Connection c, java.util.Collection<String> ids) throws SQLException {
        List<String> all = new ArrayList<>(ids);
        List<Order> found = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i += 5_000) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 5_000));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders WHERE id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int k = 0; k < chunk.size(); k++) {
                    ps.setString(k + 1, chunk.get(k));
                }
                found.addAll(all(ps));
            }
        }
        return found;
    }

    public static List<Order> ofCustomer(Connection c, String customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders WHERE customer_id=?")) {
            ps.setString(1, customerId);
            return all(ps);
        }
    }

    static List<Order> all(PreparedStatement ps) throws SQLException {
        List<Order> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        }
        return rows;
    }

    static Order read(ResultSet rs) throws SQLException {
        return new Order(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Money.fromPaise(rs.getLong(5)), LocalDate.parse(rs.getString(6)), LineItems.parse(rs.getString(7)),
                OrderStatus.valueOf(rs.getString(8)),
                new Audit(Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)),
                        rs.getString(11), rs.getString(12), rs.getLong(13)));
    }
}
