package com.crmplatform.customer;

import com.crmplatform.store.Audit;
import com.crmplatform.store.Cursor;
import com.crmplatform.store.DuplicateEmailException;
import com.crmplatform.store.Money;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.StaleRecordException;
import com.crmplatform.store.sqlite.SqliteDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Customers in the local SQLite store. */
public final class SqliteCustomerRepository implements CustomerRepository {

    static final String COLUMNS = "id, name, email, phone, city, total_spend_paise, visits, last_purchase, "
            + "created_at, updated_at, created_by, updated_by, version";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;
    private static final String INSERT = "INSERT INTO customers (id, name, name_lc, surname_lc, email, email_lc, "
            + "phone, phone_digits, city, total_spend_paise, visits, last_purchase, created_at, updated_at, "
            + "created_by, updated_by, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UPDATE = "UPDATE customers SET name=?, name_lc=?, surname_lc=?, email=?, email_lc=?, "
            + "phone=?, phone_digits=?, city=?, total_spend_paise=?, visits=?, last_purchase=?, created_at=?, "
            + "updated_at=?, created_by=?, updated_by=?, version=? WHERE id=? AND version=?";

    private static final String UPSERT = " ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
            + "name_lc=excluded.name_lc, surname_lc=excluded.surname_lc, email=excluded.email, "
            + "email_lc=excluded.email_lc, phone=excluded.phone, phone_digits=excluded.phone_digits, "
            + "city=excluded.city, total_spend_paise=excluded.total_spend_paise, visits=excluded.visits, "
            + "last_purchase=excluded.last_purchase, updated_at=excluded.updated_at, "
            + "updated_by=excluded.updated_by, version=excluded.version";

    private final SqliteDatabase db;

    public SqliteCustomerRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(Customer customer) {
        writeBatch(List.of(customer), List.of());
    }

    @Override
    public void update(Customer updated, long expectedVersion) {
        List<String> stale = writeBatch(List.of(), List.of(new VersionedUpdate(updated, expectedVersion)));
        if (!stale.isEmpty()) {
            throw new StaleRecordException("Customer " + updated.name());
        }
    }

    @Override
    public List<String> writeBatch(List<Customer> inserts, List<VersionedUpdate> updates) {
        return db.inTransaction(c -> {
            List<String> stale = new ArrayList<>();
            try {
                if (!inserts.isEmpty()) {
                    insertRows(c, inserts);
                }
                try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                    for (VersionedUpdate u : updates) {
                        Customer x = u.customer();
                        int i = bindDetails(ps, x, 1);
                        ps.setString(i++, x.id());
                        ps.setLong(i, u.expectedVersion());
                        if (ps.executeUpdate() == 0) {
                            stale.add(x.id());
                        }
                    }
                }
            } catch (SQLiteException e) {
                throw duplicateOr(e, inserts, updates);
            }
            return stale;
        });
    }

    /** Plain inserts in one transaction, no checks beyond the table's own: the import benchmark's baseline only. */
    public void insertAll(List<Customer> customers) {
        db.inTransaction(c -> {
            try {
                insertRows(c, customers);
            } catch (SQLiteException e) {
                throw duplicateOr(e, customers, List.of());
            }
            return null;
        });
    }

    @Override
    public List<Customer> insertAbsent(List<Customer> customers) {
        return db.inTransaction(c -> {
            int[] counts = insertRows(c, customers, INSERT + " ON CONFLICT(email_lc) DO NOTHING");
            List<Customer> present = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    present.add(customers.get(i));
                }
            }
            return present;
        });
    }

    private static void insertRows(Connection c, List<Customer> customers) throws SQLException {
        insertRows(c, customers, INSERT);
    }

    private static int[] insertRows(Connection c, List<Customer> customers, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Customer x : customers) {
                ps.setString(1, x.id());
                bindDetails(ps, x, 2);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /** Binds everything but the id, from {@code start}; returns the next index. */
    private static int bindDetails(PreparedStatement ps, Customer x, int start) throws SQLException {
        int i = start;
        ps.setString(i++, x.name());
        String nameKey = SearchKeys.nameKey(x.name());
        ps.setString(i++, nameKey);
        ps.setString(i++, SearchKeys.surnameOf(nameKey));
        ps.setString(i++, x.email());
        ps.setString(i++, x.emailKey());
        ps.setString(i++, x.phone());
        ps.setString(i++, SearchKeys.phoneKey(x.phone()));
        ps.setString(i++, x.city());
        ps.setLong(i++, Money.toPaise(x.totalSpend()));
        ps.setInt(i++, x.visits());
        ps.setString(i++, x.lastPurchaseDate() == null ? "" : x.lastPurchaseDate().toString());
        Audit a = x.audit();
        ps.setLong(i++, a.createdAt().toEpochMilli());
        ps.setLong(i++, a.updatedAt().toEpochMilli());
        ps.setString(i++, a.createdBy());
        ps.setString(i++, a.updatedBy());
        ps.setLong(i++, a.version());
        return i;
    }

    private RuntimeException duplicateOr(SQLiteException e, List<Customer> inserts, List<VersionedUpdate> updates) {
        if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE && e.getMessage().contains("email_lc")) {
            List<Customer> all = new ArrayList<>(inserts);
            updates.forEach(u -> all.add(u.customer()));
            String email = all.size() == 1 ? all.get(0).email() : "of one of these customers";
            return new DuplicateEmailException(email);
        }
        return SqliteDatabase.translate(e, db.file());
    }

    /** Inside a transaction of {@code c}: the customer, if stored. */
    public static Optional<Customer> findIn(Connection c, String id) throws SQLException {
        return findById(c, id);
    }

    /** Inside a transaction of {@code c}: deletes the customer row (its orders are the caller's business). */
    public static void deleteIn(Connection c, String id) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM customers WHERE id=?")) {
            d.setString(1, id);
            d.executeUpdate();
        }
    }

    /**
     * Inside a transaction of {@code c}: writes the customer as given, new or over the stored row
     * with its id (team-mode sync applying what it pulled). A clash of emails with another row is
     * raised as a {@link DuplicateEmailException}.
     */
    public static void putIn(Connection c, Customer customer) throws SQLException {
        try {
            insertRows(c, List.of(customer), INSERT + UPSERT);
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE && e.getMessage().contains("email_lc")) {
                throw new DuplicateEmailException(customer.email());
            }
            throw e;
        }
    }

    /**
     * The columns {@link #read} reads, in its order, of the table named {@code alias} in the query
     * (a join makes bare names ambiguous).
     */
    public static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** How many columns {@link #read} reads. */
    public static int columnCount() {
        return COLUMN_COUNT;
    }

    /** Inside a transaction of {@code c}: the customer whose email this is (case-insensitively), if stored. */
    public static Optional<Customer> findByEmailIn(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM customers WHERE email_lc=?")) {
            ps.setString(1, Customer.emailKey(email));
            return first(ps);
        }
    }

    /** Inside a transaction of {@code c}: inserts the customer, refused with a duplicate-email error as {@link #insert}. */
    public void insertIn(Connection c, Customer customer) throws SQLException {
        try {
            insertRows(c, List.of(customer));
        } catch (SQLiteException e) {
            throw duplicateOr(e, List.of(customer), List.of());
        }
    }

    /** The database this repository works on, for work that spans its tables and others in one transaction. */
    public SqliteDatabase database() {
        return db;
    }

    @Override
    public Optional<Customer> findById(String id) {
        return db.read(c -> findById(c, id));
    }

    private static Optional<Customer> findById(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM customers WHERE id=?")) {
            ps.setString(1, id);
            return first(ps);
        }
    }

    @Override
    public Optional<Customer> findByEmail(String email) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM customers WHERE email_lc=?")) {
                ps.setString(1, Customer.emailKey(email));
                return first(ps);
            }
        });
    }

    @Override
    public List<Customer> findByEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<Customer> found = new ArrayList<>();
            List<String> keys = emails.stream().map(Customer::emailKey).distinct().toList();
            for (int from = 0; from < keys.size(); from += 500) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM customers WHERE email_lc IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    found.addAll(all(ps));
                }
            }
            return found;
        });
    }

    @Override
    public Page<Customer> page(CustomerQuery query, PageRequest request) {
        SqliteCustomerQueries.Built sql = SqliteCustomerQueries.page(query, request);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
                sql.bind(ps);
                return Page.fromFetched(all(ps), request);
            }
        });
    }

    @Override
    public long count(CustomerQuery query) {
        SqliteCustomerQueries.Built sql = SqliteCustomerQueries.count(query);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
                sql.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** How many customers meet an SQL condition (for audiences: a compiled rule). */
    public long countWhere(String condition, List<Object> params) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM customers WHERE " + condition)) {
                bind(ps, params, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The customers that meet an SQL condition, in id order after {@code afterId} (null: from the first). */
    public List<Customer> selectWhere(String condition, List<Object> params, String afterId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM customers WHERE " + condition
                + (afterId == null ? "" : " AND id > ?") + " ORDER BY id LIMIT " + limit;
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = bind(ps, params, 1);
                if (afterId != null) {
                    ps.setString(next, afterId);
                }
                return all(ps);
            }
        });
    }

    private static int bind(PreparedStatement ps, List<Object> params, int start) throws SQLException {
        int i = start;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    static Cursor cursorValue(CustomerSort sort, Cursor cursor) {
        Object v = cursor.sortValue();
        Object sqlValue = switch (sort) {
            case TOTAL_SPEND -> Money.toPaise((BigDecimal) v);
            case LAST_PURCHASE -> v == null ? "" : v.toString();
            default -> v;
        };
        return new Cursor(sqlValue, cursor.id());
    }

    private static Optional<Customer> first(PreparedStatement ps) throws SQLException {
        List<Customer> rows = all(ps);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static List<Customer> all(PreparedStatement ps) throws SQLException {
        List<Customer> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        }
        return rows;
    }

    /** The customer in the result's current row, whose first columns are {@link #columns(String)}. */
    public static Customer read(ResultSet rs) throws SQLException {
        String last = rs.getString(8);
        return new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Money.fromPaise(rs.getLong(6)), rs.getInt(7), last.isEmpty() ? null : LocalDate.parse(last),
                new Audit(Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)),
                        rs.getString(11), rs.getString(12), rs.getLong(13)));
    }
}
