package com.crmplatform.delivery;

import com.crmplatform.store.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulated vendor accepted, kept in its own file ({@code simulated-vendor.db} in the data
 * directory) as a real vendor keeps its own records: one row per idempotency key with its outcome,
 * and a count of repeated requests it absorbed.
 */
public final class VendorLedger implements AutoCloseable {

    /** A message the vendor took, and whether it will be delivered. */
    public record Accepted(String key, boolean delivered, boolean duplicate) {
    }

    /** The vendor's own figures for a campaign. */
    public record Stats(long accepted, long distinctRecipients, long duplicates) {
    }

    private final SqliteDatabase db;

    private VendorLedger(SqliteDatabase db) {
        this.db = db;
    }

    public static VendorLedger open(Path dataDir) {
        // A vendor's own records: WAL with synchronous=NORMAL survives a crash of the process.
        SqliteDatabase db = SqliteDatabase.open(dataDir.resolve("simulated-vendor.db"),
                org.sqlite.SQLiteConfig.SynchronousMode.NORMAL);
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS accepted (key TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, "
                        + "recipient TEXT NOT NULL, delivered INTEGER NOT NULL, accepted_at INTEGER NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS accepted_campaign ON accepted(campaign_id, recipient)");
                s.execute("CREATE TABLE IF NOT EXISTS duplicates (campaign_id TEXT PRIMARY KEY, n INTEGER NOT NULL)");
            }
            return null;
        });
        return new VendorLedger(db);
    }

    /**
     * Records a batch in one transaction. A key seen before keeps its first outcome and counts as
     * a duplicate; {@code outcome} decides new keys.
     */
    public List<Accepted> accept(List<VendorGateway.OutboundMessage> messages, java.util.function.Predicate<String> outcome,
                                 long now) {
        return db.inTransaction(c -> {
            List<Accepted> result = new ArrayList<>();
            Map<String, Long> duplicates = new HashMap<>();
            boolean[] fate = new boolean[messages.size()];
            int[] inserted;
            try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO accepted VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < messages.size(); i++) {
                    VendorGateway.OutboundMessage m = messages.get(i);
                    fate[i] = outcome.test(m.idempotencyKey());
                    insert.setString(1, m.idempotencyKey());
                    insert.setString(2, m.campaignId());
                    insert.setString(3, m.recipientId());
                    insert.setInt(4, fate[i] ? 1 : 0);
                    insert.setLong(5, now);
                    insert.addBatch();
                }
                inserted = insert.executeBatch();
            }
            try (PreparedStatement find = c.prepareStatement("SELECT delivered FROM accepted WHERE key = ?")) {
                for (int i = 0; i < messages.size(); i++) {
                    VendorGateway.OutboundMessage m = messages.get(i);
                    if (inserted[i] > 0) {
                        result.add(new Accepted(m.idempotencyKey(), fate[i], false));
                        continue;
                    }
                    // seen before: the first outcome stands, and the repeat is counted
                    find.setString(1, m.idempotencyKey());
                    try (ResultSet rs = find.executeQuery()) {
                        rs.next();
                        result.add(new Accepted(m.idempotencyKey(), rs.getInt(1) == 1, true));
                        duplicates.merge(m.campaignId(), 1L, Long::sum);
                    }
                }
            }
            try (PreparedStatement dup = c.prepareStatement("INSERT INTO duplicates VALUES (?, ?) "
                    + "ON CONFLICT(campaign_id) DO UPDATE SET n = n + excluded.n")) {
                for (Map.Entry<String, Long> e : duplicates.entrySet()) {
                    dup.setString(1, e.getKey());
                    dup.setLong(2, e.getValue());
                    dup.executeUpdate();
                }
            }
            return result;
        });
    }

    public Stats stats(String campaignId) {
        return db.read(c -> {
            long accepted;
            long recipients;
            long dups = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*), count(DISTINCT recipient) FROM accepted WHERE campaign_id = ?")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    accepted = rs.getLong(1);
                    recipients = rs.getLong(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT n FROM duplicates WHERE campaign_id = ?")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        dups = rs.getLong(1);
                    }
                }
            }
            return new Stats(accepted, recipients, dups);
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
