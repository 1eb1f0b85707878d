package com.crmplatform.delivery;

import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.sqlite.SqliteDatabase;
import com.crmplatform.store.sqlite.SqliteSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The communication log in the local store. */
public final class SqliteCommunicationLogRepository implements CommunicationLogRepository {

    private static final String COLUMNS = "id, campaign_id, customer_id, customer_name, customer_email, message, status, "
            + "attempt, updated_at, channel, subject, reason";
    private static final String FINISH = "UPDATE communication_log SET status = ?, updated_at = ?, lease_owner = '', "
            + "reason = ? WHERE id = ? AND attempt = ? AND status = 'PENDING'";
    private static final String COUNT = "UPDATE campaigns SET sent = sent + ?, failed = failed + ? WHERE id = ?";
    private static final String COMPLETE = "UPDATE campaigns SET status = 'COMPLETED' WHERE id = ? AND "
            + SqliteSchema.CAMPAIGN_COMPLETED;

    private final SqliteDatabase db;

    public SqliteCommunicationLogRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<LogEntry> claim(String worker, Instant now, Duration lease, int limit) {
        return db.inTransaction(c -> {
            // Leases that ran out (a worker that died) or whose entries are all done free their range.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM delivery_leases WHERE until < ? OR NOT EXISTS "
                    + "(SELECT 1 FROM communication_log WHERE status = 'PENDING' AND id BETWEEN first_id AND last_id)")) {
                ps.setLong(1, now.toEpochMilli());
                ps.executeUpdate();
            }
            List<String[]> leased = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT first_id, last_id FROM delivery_leases ORDER BY first_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leased.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            List<String> run = freeRun(c, leased, limit);
            if (run.isEmpty()) {
                return List.of();
            }
            // One row leases the whole run; the entries themselves are not written until their receipts come.
            String first = run.get(0);
            String last = run.get(run.size() - 1);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery_leases (first_id, last_id, owner, until) "
                    + "VALUES (?, ?, ?, ?)")) {
                ps.setString(1, first);
                ps.setString(2, last);
                ps.setString(3, worker);
                ps.setLong(4, now.plus(lease).toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM communication_log "
                    + "WHERE status = 'PENDING' AND id BETWEEN ? AND ? ORDER BY id")) {
                ps.setString(1, first);
                ps.setString(2, last);
                return all(ps);
            }
        });
    }

    @Override
    public void renewLeases(String worker, Instant now, Duration lease) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE delivery_leases SET until = ? WHERE owner = ?")) {
                ps.setLong(1, now.plus(lease).toEpochMilli());
                ps.setString(2, worker);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The first run of pending entries, in id order, that no live lease covers: it starts at the first
     * free pending entry and ends before the next leased range (or at {@code limit} entries).
     */
    private static List<String> freeRun(Connection c, List<String[]> leased, int limit) throws SQLException {
        List<String> run = new ArrayList<>();
        String after = "";
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM communication_log WHERE status = 'PENDING' AND id > ? "
                + "ORDER BY id LIMIT ?")) {
            while (true) {
                ps.setString(1, after);
                ps.setInt(2, limit);
                String skipTo = null;
                boolean any = false;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        any = true;
                        String id = rs.getString(1);
                        String[] in = covering(leased, id);
                        if (in != null) {
                            if (!run.isEmpty()) {
                                return run; // the free run ends where a leased range begins
                            }
                            skipTo = in[1];
                            break;
                        }
                        run.add(id);
                        if (run.size() == limit) {
                            return run;
                        }
                    }
                }
                if (skipTo != null) {
                    after = skipTo; // jump past the leased range and look again
                } else if (!any || !run.isEmpty()) {
                    return run;
                }
            }
        }
    }

    private static String[] covering(List<String[]> leased, String id) {
        for (String[] range : leased) {
            if (range[0].compareTo(id) <= 0 && id.compareTo(range[1]) <= 0) {
                return range;
            }
        }
        return null;
    }

    @Override
    public Map<String, Outcomes> applyReceipts(List<Receipt> receipts, Instant now) {
        if (receipts.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(c -> {
            Map<String, Outcomes> outcomes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(FINISH)) {
                for (Receipt r : receipts) {
                    bindFinish(ps, r, now);
                    ps.addBatch();
                }
                int[] changed = ps.executeBatch();
                for (int i = 0; i < changed.length; i++) {
                    if (changed[i] > 0) {
                        Receipt r = receipts.get(i);
                        outcomes.merge(r.campaignId(), new Outcomes(r.delivered() ? 1 : 0, r.delivered() ? 0 : 1), Outcomes::plus);
                    }
                }
            }
            count(c, outcomes);
            return outcomes;
        });
    }

    /** {@link #applyReceipts} with one database round trip per receipt: the delivery benchmark's baseline only. */
    public Map<String, Outcomes> applyReceiptsOneByOne(List<Receipt> receipts, Instant now) {
        Map<String, Outcomes> all = new HashMap<>();
        for (Receipt r : receipts) {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(FINISH)) {
                    bindFinish(ps, r, now);
                    if (ps.executeUpdate() > 0) {
                        Map<String, Outcomes> one = Map.of(r.campaignId(),
                                new Outcomes(r.delivered() ? 1 : 0, r.delivered() ? 0 : 1));
                        count(c, one);
                        one.forEach((k, v) -> all.merge(k, v, Outcomes::plus));
                    }
                }
                return null;
            });
        }
        return all;
    }

    private static void bindFinish(PreparedStatement ps, Receipt r, Instant now) throws SQLException {
        ps.setString(1, (r.delivered() ? DeliveryStatus.SENT : DeliveryStatus.FAILED).name());
        ps.setLong(2, now.toEpochMilli());
        ps.setString(3, r.delivered() ? "" : r.reason());
        ps.setString(4, r.entryId());
        ps.setInt(5, r.attempt());
    }

    /** One counter update per campaign of the batch. */
    private static void count(Connection c, Map<String, Outcomes> outcomes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNT); PreparedStatement done = c.prepareStatement(COMPLETE)) {
            for (Map.Entry<String, Outcomes> e : outcomes.entrySet()) {
                ps.setLong(1, e.getValue().sent());
                ps.setLong(2, e.getValue().failed());
                ps.setString(3, e.getKey());
                ps.addBatch();
                done.setString(1, e.getKey());
                done.addBatch();
            }
            ps.executeBatch();
            done.executeBatch();
        }
    }

    @Override
    public int resendFailed(String campaignId, Instant now) {
        return db.inTransaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE communication_log SET status = 'PENDING', "
                    + "attempt = attempt + 1, lease_owner = '', lease_until = 0, updated_at = ? "
                    + "WHERE campaign_id = ? AND status = 'FAILED'")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, campaignId);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE campaigns SET failed = failed - ?, "
                    + "status = CASE WHEN ? > 0 THEN 'RUNNING' ELSE status END WHERE id = ?")) {
                ps.setInt(1, n);
                ps.setInt(2, n);
                ps.setString(3, campaignId);
                ps.executeUpdate();
            }
            // The entries sent again must not wait for a lease taken on them for the first attempt. Other
            // entries of a freed lease may go out again meanwhile under the same idempotency keys, which
            // the vendor recognises (as after a lease runs out): nobody gets a message twice.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM delivery_leases WHERE EXISTS (SELECT 1 FROM "
                    + "communication_log WHERE campaign_id = ? AND status = 'PENDING' AND id BETWEEN first_id AND last_id)")) {
                ps.setString(1, campaignId);
                ps.executeUpdate();
            }
            return n;
        });
    }

    @Override
    public Map<DeliveryStatus, Long> countByStatus(String campaignId) {
        return db.read(c -> {
            Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
            for (DeliveryStatus s : DeliveryStatus.values()) {
                counts.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM communication_log "
                    + "WHERE campaign_id = ? GROUP BY status")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    @Override
    public long countPending() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM communication_log WHERE status = 'PENDING'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Page<LogEntry> page(String campaignId, DeliveryStatus status, String search, PageRequest request) {
        List<Object> params = new ArrayList<>(List.of(campaignId));
        StringBuilder where = new StringBuilder("campaign_id = ?");
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status.name());
        }
        String q = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        if (!q.isEmpty()) {
            where.append(" AND (lower(customer_name) LIKE ? ESCAPE '\\' OR lower(customer_email) LIKE ? ESCAPE '\\' "
                    + "OR lower(customer_name) LIKE ? ESCAPE '\\')");
            String like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.add(like + "%");
            params.add(like + "%");
            params.add("% " + like + "%");
        }
        boolean ascending = !request.backwards();
        var cursor = request.after() != null ? request.after() : request.before();
        if (cursor != null) {
            where.append(" AND id ").append(ascending ? ">" : "<").append(request.inclusive() ? "=" : "").append(" ?");
            params.add(cursor.id());
        }
        String dir = ascending ? "ASC" : "DESC";
        String sql = "SELECT " + COLUMNS + " FROM communication_log WHERE " + where + " ORDER BY id " + dir
                + " LIMIT " + (request.limit() + 1);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                return Page.fromFetched(all(ps), request);
            }
        });
    }

    private static List<LogEntry> all(PreparedStatement ps) throws SQLException {
        List<LogEntry> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new LogEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Channel.of(rs.getString(10)), rs.getString(11), rs.getString(6), DeliveryStatus.valueOf(rs.getString(7)),
                        rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9)), rs.getString(12)));
            }
        }
        return list;
    }
}
