package com.crmplatform.order;

import com.crmplatform.store.Limits;
import com.crmplatform.store.Money;
import com.crmplatform.store.NotFoundException;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.sqlite.SqliteDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders in the local store. An order and the change to its customer's totals are written in
 * one transaction, and the order insert is {@code INSERT OR IGNORE} by id, so a retried write
 * finds its order already there and moves nothing twice.
 */
public final class SqliteOrderRepository implements OrderRepository {

    private static final String APPLY = "UPDATE customers SET total_spend_paise = total_spend_paise + ?, "
            + "visits = visits + ?, last_purchase = max(last_purchase, ?), version = version + 1, "
            + "updated_at = ?, updated_by = ? WHERE id = ? AND total_spend_paise <= ? - ?";
    private static final int BATCH = 2_000;

    private final SqliteDatabase db;

    public SqliteOrderRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public boolean create(Order order) {
        return createAll(List.of(order)) == 1;
    }

    @Override
    public int createAll(List<Order> orders) {
        int created = 0;
        for (int from = 0; from < orders.size(); from += BATCH) {
            List<Order> batch = orders.subList(from, Math.min(orders.size(), from + BATCH));
            created += db.inTransaction(c -> createBatch(c, batch));
        }
        return created;
    }

    private static int createBatch(Connection c, List<Order> batch) throws SQLException {
        boolean[] inserted = SqliteOrderRows.insert(c, batch);
        Map<String, Totals> byCustomer = new LinkedHashMap<>();
        int created = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (!inserted[i]) {
                continue;
            }
            created++;
            Order o = batch.get(i);
            if (o.isActive()) {
                byCustomer.computeIfAbsent(o.customerId(), k -> new Totals(o)).add(o);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(APPLY)) {
            List<String> ids = new ArrayList<>(byCustomer.keySet());
            for (String id : ids) {
                Totals t = byCustomer.get(id);
                ps.setLong(1, t.paise);
                ps.setInt(2, t.count);
                ps.setString(3, t.latest.toString());
                ps.setLong(4, t.updatedAt.toEpochMilli());
                ps.setString(5, t.user);
                ps.setString(6, id);
                // The bound is checked before adding, in integers: a sum never overflows into a float.
                ps.setLong(7, Limits.MAX_TOTAL_SPEND_PAISE);
                ps.setLong(8, t.paise);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) {
                    if (findCustomerExists(c, ids.get(k))) {
                        throw new TotalTooLargeException(ids.get(k));
                    }
                    throw new NotFoundException("The customer of this order (" + ids.get(k) + ")");
                }
            }
        }
        return created;
    }

    private static boolean findCustomerExists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM customers WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** One customer's share of a batch of new orders. */
    private static final class Totals {
        long paise;
        int count;
        LocalDate latest;
        Instant updatedAt;
        String user;

        Totals(Order first) {
            latest = first.orderDate();
            updatedAt = first.audit().updatedAt();
            user = first.audit().updatedBy();
        }

        void add(Order o) {
            paise = Math.addExact(paise, Money.toPaise(o.amount()));
            count++;
            if (o.orderDate().isAfter(latest)) {
                latest = o.orderDate();
            }
        }
    }

    @Override
    public Order cancel(String orderId, String user, Instant now) {
        return db.inTransaction(c -> {
            Order order = findById(c, orderId).orElseThrow(() -> new NotFoundException("This order"));
            if (!order.isActive()) {
                return order;
            }
            Order cancelled = order.cancelled(order.audit().touched(now, user));
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE orders SET status=?, updated_at=?, updated_by=?, version=? WHERE id=?")) {
                ps.setString(1, cancelled.status().name());
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, user);
                ps.setLong(4, cancelled.audit().version());
                ps.setString(5, orderId);
                ps.executeUpdate();
            }
            SqliteOrderRows.uncount(c, order, now, user);
            return cancelled;
        });
    }

    @Override
    public Optional<Order> findById(String id) {
        return db.read(c -> findById(c, id));
    }

    @Override
    public java.util.Set<String> existingIds(java.util.Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        java.util.Set<String> found = new java.util.HashSet<>();
        return db.read(c -> {
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM orders WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            return found;
        });
    }

    private static Optional<Order> findById(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SqliteOrderRows.COLUMNS + " FROM orders WHERE id=?")) {
            ps.setString(1, id);
            List<Order> rows = SqliteOrderRows.all(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    @Override
    public Page<Order> page(OrderQuery query, PageRequest request) {
        List<Object> params = new ArrayList<>();
        List<String> where = filters(query, params);
        // Display order is (column, id) in the query's direction; a page read backwards goes the other way.
        String column = switch (query.sort()) {
            case DATE -> "order_date";
            case AMOUNT -> "amount_paise";
            case CUSTOMER -> "customer_name";
        };
        boolean readDescending = query.descending() != request.backwards();
        var cursor = request.after() != null ? request.after() : request.before();
        if (cursor != null) {
            where.add("(" + column + ", id) " + (readDescending ? "<" : ">") + (request.inclusive() ? "=" : "") + " (?, ?)");
            params.add(switch (query.sort()) {
                case DATE -> cursor.sortValue().toString();
                case AMOUNT -> com.crmplatform.store.Money.toPaise((java.math.BigDecimal) cursor.sortValue());
                case CUSTOMER -> (String) cursor.sortValue();
            });
            params.add(cursor.id());
        }
        String dir = readDescending ? "DESC" : "ASC";
        String sql = "SELECT " + SqliteOrderRows.COLUMNS + " FROM orders" + whereClause(where)
                + " ORDER BY " + column + " " + dir + ", id " + dir + " LIMIT " + (request.limit() + 1);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                return Page.fromFetched(SqliteOrderRows.all(ps), request);
            }
        });
    }

    @Override
    public long count(OrderQuery query) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM orders" + whereClause(filters(query, params));
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public java.math.BigDecimal activeTotal(OrderQuery query) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>(filters(query, params));
        where.add("status = 'ACTIVE'");
        String sql = "SELECT coalesce(sum(amount_paise), 0) FROM orders" + whereClause(where);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return com.crmplatform.store.Money.fromPaise(rs.getLong(1));
                }
            }
        });
    }

    @Override
    public List<PurchaseMoment> purchaseMoments(com.crmplatform.segment.SegmentRule rule, LocalDate today, int limit) {
        var where = com.crmplatform.segment.SqlRuleCompiler.compile(rule, today);
        String sql = "SELECT order_date, created_at FROM orders WHERE status = 'ACTIVE' AND customer_id IN "
                + "(SELECT id FROM customers WHERE " + where.condition() + ") ORDER BY order_date DESC LIMIT " + limit;
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, where.params());
                List<PurchaseMoment> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PurchaseMoment(LocalDate.parse(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2))));
                    }
                }
                return out;
            }
        });
    }

    private static List<String> filters(OrderQuery q, List<Object> params) {
        List<String> where = new ArrayList<>();
        if (q.customerId() != null) {
            where.add("customer_id = ?");
            params.add(q.customerId());
        }
        if (q.from() != null) {
            where.add("order_date >= ?");
            params.add(q.from().toString());
        }
        if (q.to() != null) {
            where.add("order_date <= ?");
            params.add(q.to().toString());
        }
        return where;
    }

    private static String whereClause(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
