package com.crmplatform.sync;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.SqliteCustomerRepository;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderStatus;
import com.crmplatform.order.SqliteOrderRows;
import com.crmplatform.store.Money;
import com.crmplatform.store.sqlite.SqliteDatabase;
import com.crmplatform.store.sqlite.CustomerOrderIndexes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQLite side of team-mode sync (ADR 0007): a replica file whose customer and order writes
 * leave a pending row in the {@link Outbox} in the same transaction, the base each customer was
 * last seen at centrally, the open {@link Conflicts} and the sync position. Changes pulled from
 * MongoDB are written {@link #quietly}, with the outbox triggers held off, so they never come back
 * as pending.
 */
public final class Replica {

    /** The customer fields people edit, in the order they are shown; the rest (totals) follow orders. */
    public static final List<String> FIELDS = List.of("name", "email", "phone", "city");

    /** The field name of a conflict on the whole record (edited on one side, deleted on the other). */
    public static final String RECORD = "(record)";

    /** A customer as it was last seen centrally: its version there and the fields people edit. */
    public record Base(long version, Map<String, String> fields) {

        /** The version of a base kept for a record to insert again (kept here against a central deletion). */
        public static final long REINSERT = -2;

        /** Whether the record goes to MongoDB as new again, merged against these fields if it is there already. */
        public boolean reinsert() {
            return version == REINSERT;
        }
    }

    /** Where sync stands: the change-log number read up to (-1 before the first sync), the first sync's cursor. */
    public record State(long lastSeq, Instant lastSync, String firstSyncPhase, String firstSyncAfter, long firstSyncFrom) {

        public boolean synced() {
            return lastSeq >= 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqliteDatabase db;
    /** Whether every customer and order index is known to be there (a first sync leaves some for later). */
    private volatile boolean indexed;

    /** Puts the outbox triggers on the replica file (once; kept in the file). */
    public Replica(SqliteDatabase db) {
        this.db = db;
        db.inTransaction(c -> {
            Outbox.createTriggers(c);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE sync_state SET applying = 0"); // a crash cannot leave it set (it commits with its work)
            }
            return null;
        });
    }

    public SqliteDatabase database() {
        return db;
    }

    /**
     * Builds one index a first sync left for after the opening (searches by surname or phone, the
     * other sort orders, audience counts), in a transaction of its own so that the window's reads
     * and writes go on between two of them. Until then those work too, by reading the whole table.
     *
     * @return whether one was built (false: none is missing, or the first sync has not finished)
     */
    public boolean buildSearchIndex() {
        if (indexed || !state().synced()) { // a first sync still loading wants no index yet
            return false;
        }
        return db.inTransaction(c -> {
            List<String> missing = CustomerOrderIndexes.missing(c);
            if (!missing.isEmpty()) {
                CustomerOrderIndexes.create(c, missing.get(0));
            }
            indexed = missing.size() <= 1;
            return !missing.isEmpty();
        });
    }

    /** Whether indexes a first sync left for after the opening are still to be built. */
    public boolean searchIndexesMissing() {
        if (indexed) {
            return false;
        }
        return db.read(c -> {
            if (!synced(c)) {
                return false; // a first sync still loading: the bar shows no search work yet
            }
            boolean missing = !CustomerOrderIndexes.missing(c).isEmpty();
            indexed = !missing;
            return missing;
        });
    }

    // ---- reading ------------------------------------------------------------------------------

    public State state() {
        return db.read(Replica::readState);
    }

    private static State readState(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT last_seq, last_sync, first_sync_phase, first_sync_after, first_sync_from FROM sync_state")) {
            rs.next();
            long lastSync = rs.getLong(2);
            Instant synced = rs.wasNull() ? null : Instant.ofEpochMilli(lastSync); // before the next column is read
            return new State(rs.getLong(1), synced, rs.getString(3), rs.getString(4), rs.getLong(5));
        }
    }

    /** The oldest pending changes, in the order they were made. */
    public List<Outbox.Pending> pending(int limit) {
        return db.read(c -> Outbox.pending(c, limit));
    }

    /** How many records have changes waiting to be pushed. */
    public long pendingCount() {
        return db.read(Outbox::count);
    }

    public long conflictCount() {
        return db.read(Conflicts::count);
    }

    public List<Conflict> conflicts() {
        return db.read(Conflicts::all);
    }

    public Optional<Conflict> conflict(long id) {
        return db.read(c -> Conflicts.byId(c, id));
    }

    /** A short line per pending record, newest last: what "pending N" is made of. */
    public List<String> pendingDescriptions(int limit) {
        return db.read(c -> Outbox.descriptions(c, limit));
    }

    public Optional<Customer> customer(String id) {
        return db.read(c -> SqliteCustomerRepository.findIn(c, id));
    }

    public Optional<Base> base(String id) {
        return db.read(c -> base(c, id));
    }

    /**
     * What a push needs of these customer records, in one read: the ones stored here, by id; the
     * base of each of those that has one (a kept-aside row, else the copied row itself); and their
     * active orders here (sum in paise and count), for those that have any. A record deleted here
     * is simply absent (its deletion reads its base itself).
     */
    public record Outgoing(Map<String, Customer> customers, Map<String, Base> bases, Map<String, long[]> activeOrders) {
    }

    /** The records' ids are passed as one JSON array ({@code json_each}), not one parameter each. */
    public Outgoing outgoing(Collection<String> ids) {
        String idArray = jsonArray(ids);
        return db.read(c -> {
            Map<String, Customer> customers = new HashMap<>();
            Map<String, Base> bases = new HashMap<>();
            Map<String, long[]> activeOrders = new HashMap<>();
            int first = SqliteCustomerRepository.columnCount() + 1;
            try (PreparedStatement ps = c.prepareStatement("WITH ids(id) AS (SELECT value FROM json_each(?1)) SELECT "
                    + SqliteCustomerRepository.columns("c") + ", b.version, b.name, b.email, b.phone, b.city, "
                    + "c.sync_version, c.name, c.email, c.phone, c.city, o.paise, o.n FROM customers c "
                    + "LEFT JOIN sync_base b ON b.record_id = c.id "
                    + "LEFT JOIN (SELECT customer_id, SUM(amount_paise) AS paise, COUNT(*) AS n FROM orders "
                    + "WHERE status = 'ACTIVE' AND customer_id IN ids GROUP BY customer_id) o ON o.customer_id = c.id "
                    + "WHERE c.id IN ids")) {
                ps.setString(1, idArray);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Customer x = SqliteCustomerRepository.read(rs);
                        customers.put(x.id(), x);
                        rs.getLong(first);
                        if (!rs.wasNull()) {
                            bases.put(x.id(), readBase(rs, first));
                        } else if (rs.getLong(first + 5) >= 0) {
                            bases.put(x.id(), readBase(rs, first + 5));
                        }
                        long paise = rs.getLong(first + 10);
                        if (!rs.wasNull()) {
                            activeOrders.put(x.id(), new long[] {paise, rs.getLong(first + 11)});
                        }
                    }
                }
            }
            return new Outgoing(customers, bases, activeOrders);
        });
    }

    private static String jsonArray(Collection<String> ids) {
        try {
            return JSON.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a list of strings always serializes
        }
    }

    private static Base readBase(ResultSet rs, int first) throws SQLException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            fields.put(FIELDS.get(i), rs.getString(first + 1 + i));
        }
        return new Base(rs.getLong(first), fields);
    }

    /** The fields of every open conflict, by record id (few: conflicts are rare and settled by people). */
    public Map<String, List<String>> conflictFields() {
        return db.read(Conflicts::fieldsByRecord);
    }

    /**
     * These customers with their totals as MongoDB should start them: without their active orders
     * here (from {@link #outgoing}), which are counted in centrally as they arrive (what is left is
     * imported opening totals).
     */
    public static List<Customer> withOpeningTotals(List<Customer> customers, Map<String, long[]> activeOrders) {
        List<Customer> out = new ArrayList<>(customers.size());
        for (Customer x : customers) {
            long[] orders = activeOrders.get(x.id());
            if (orders == null) {
                out.add(x);
                continue;
            }
            BigDecimal spend = x.totalSpend().subtract(Money.fromPaise(orders[0]));
            out.add(new Customer(x.id(), x.name(), x.email(), x.phone(), x.city(), spend.signum() < 0 ? Money.ZERO : spend,
                    (int) Math.max(0, x.visits() - orders[1]), x.lastPurchaseDate(), x.audit()));
        }
        return out;
    }

    /**
     * A first sync's page of central customers (rows read by {@link CustomerRowCodec}), written as
     * they are: their search keys were computed centrally by the same code, so they are taken, not
     * computed again. A first sync loads without the ids' index, so a record copied again (a first
 * sync resumed) is a second row until the index is built at the end. Each is its own base
     * (its version, bound once, is also the version it was copied at).
     */
    public static void copyCustomers(Connection c, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO customers (id, name, name_lc, surname_lc, "
                + "email, email_lc, phone, phone_digits, city, total_spend_paise, visits, last_purchase, created_at, "
                + "updated_at, created_by, updated_by, version, sync_version) "
                + "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?17)")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] instanceof Long l) {
                        ps.setLong(i + 1, l);
                    } else {
                        ps.setString(i + 1, (String) row[i]);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Writes many bases in one statement (after a pushed batch, or a first sync's page). */
    public static void putBases(Connection c, Map<String, Base> bases) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO sync_base "
                + "(record_id, version, name, email, phone, city) VALUES (?,?,?,?,?,?)")) {
            for (Map.Entry<String, Base> e : bases.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue().version());
                int i = 3;
                for (String f : FIELDS) {
                    ps.setString(i++, e.getValue().fields().getOrDefault(f, ""));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The fields of an open conflict on this record (they are not pushed until it is resolved). */
    public List<String> conflictFields(String recordId) {
        return db.read(c -> Conflicts.fieldsOf(c, recordId));
    }

    /** The records to fetch again at the next pull (a choice of "theirs" that needs the central copy). */
    public List<String> refetch() {
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT record_id FROM sync_refetch")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    public static Map<String, String> fields(Customer c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("city", c.city());
        return m;
    }

    public static Customer withFields(Customer c, Map<String, ?> fields) {
        return new Customer(c.id(), str(fields, "name", c.name()), str(fields, "email", c.email()),
                str(fields, "phone", c.phone()), str(fields, "city", c.city()), c.totalSpend(), c.visits(),
                c.lastPurchaseDate(), c.audit());
    }

    private static String str(Map<String, ?> fields, String key, String otherwise) {
        return fields.containsKey(key) ? String.valueOf(fields.get(key)) : otherwise;
    }

    // ---- writing --------------------------------------------------------------------------

    /** Work on the replica that is not a change of this workstation: pulled data, bookkeeping. */
    public <T> T quietly(SqliteDatabase.SqlWork<T> work) {
        return db.inTransaction(c -> {
            setApplying(c, 1);
            T result = work.run(c);
            setApplying(c, 0);
            return result;
        });
    }

    private static void setApplying(Connection c, int value) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sync_state SET applying = " + value);
        }
    }

    public static void putBase(Connection c, String id, Base base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO sync_base "
                + "(record_id, version, name, email, phone, city) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setLong(2, base.version());
            int i = 3;
            for (String f : FIELDS) {
                ps.setString(i++, base.fields().getOrDefault(f, ""));
            }
            ps.executeUpdate();
        }
    }

    public static void dropBase(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM sync_base WHERE record_id = ?", id);
        Sql.update(c, "UPDATE customers SET sync_version = -1 WHERE id = ? AND sync_version >= 0", id);
    }

    public static Optional<Base> base(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, name, email, phone, city FROM sync_base "
                + "WHERE record_id = ? UNION ALL SELECT sync_version, name, email, phone, city FROM customers "
                + "WHERE id = ? AND sync_version >= 0 AND NOT EXISTS (SELECT 1 FROM sync_base WHERE record_id = ?)")) {
            ps.setString(1, id);
            ps.setString(2, id);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readBase(rs, 1)) : Optional.empty();
            }
        }
    }

    public static void setRefetch(Connection c, String recordId, boolean wanted) throws SQLException {
        Sql.update(c, wanted ? "INSERT OR IGNORE INTO sync_refetch (record_id) VALUES (?)"
                : "DELETE FROM sync_refetch WHERE record_id = ?", recordId);
    }

    /** Inside a transaction: whether the first sync of this file has finished (by this process or another). */
    static boolean synced(Connection c) throws SQLException {
        return readState(c).synced();
    }

    public static void setLastSeq(Connection c, long seq) throws SQLException {
        Sql.update(c, "UPDATE sync_state SET last_seq = ?", seq);
    }

    public static void setFirstSync(Connection c, String phase, String after, long from) throws SQLException {
        Sql.update(c, "UPDATE sync_state SET first_sync_phase = ?, first_sync_after = ?, first_sync_from = ?", phase, after, from);
    }

    public void markSynced(Instant at) {
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE sync_state SET last_sync = ?", at.toEpochMilli());
            return null;
        });
    }

    /** Deletes a customer, its orders and its open conflicts here (a deletion pulled from MongoDB, or a choice of "theirs"). */
    public static void deleteCustomerWithOrders(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM orders WHERE customer_id = ?", id);
        SqliteCustomerRepository.deleteIn(c, id);
        Conflicts.dropAllOf(c, id);
    }

    public static void putCustomer(Connection c, Customer customer) throws SQLException {
        SqliteCustomerRepository.putIn(c, customer);
    }

    public static Optional<Customer> customerByEmail(Connection c, String email) throws SQLException {
        return SqliteCustomerRepository.findByEmailIn(c, email);
    }

    /** Writes an order pulled from MongoDB: new here, or cancelled there. Totals follow the customer's document. */
    /**
     * Writes a central order here (its customer is here): new, or cancelled there. One that belongs
     * to another customer there (adopted, with its customer, by a new customer with the same email
     * on another workstation) moves to it, out of its old customer's totals here.
     */
    public static void putOrder(Connection c, Order theirs) throws SQLException {
        Optional<Order> mine = SqliteOrderRows.find(c, theirs.id());
        if (mine.isEmpty()) {
            SqliteOrderRows.insert(c, List.of(theirs));
            return;
        }
        if (!mine.get().customerId().equals(theirs.customerId())) {
            if (mine.get().isActive()) {
                SqliteOrderRows.uncount(c, mine.get(), theirs.audit().updatedAt(), theirs.audit().updatedBy());
            }
            Sql.update(c, "UPDATE orders SET customer_id = ?, customer_name = ?, customer_email = ? WHERE id = ?",
                    theirs.customerId(), theirs.customerName(), theirs.customerEmail(), theirs.id());
        }
        if (mine.get().status() == OrderStatus.ACTIVE && theirs.status() != OrderStatus.ACTIVE) {
            SqliteOrderRows.markCancelled(c, theirs);
        }
    }

    public static void deleteOrder(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM orders WHERE id = ?", id);
    }

    /** Moves a customer's orders here to another customer id (the same person, found centrally under that id). */
    public static void moveOrders(Connection c, String fromCustomer, String toCustomer) throws SQLException {
        Sql.update(c, "UPDATE orders SET customer_id = ? WHERE customer_id = ?", toCustomer, fromCustomer);
    }
}
