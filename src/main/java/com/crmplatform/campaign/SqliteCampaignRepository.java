package com.crmplatform.campaign;

import com.crmplatform.segment.RuleJson;
import com.crmplatform.segment.SqlRuleCompiler;
import com.crmplatform.store.Audit;
import com.crmplatform.store.NotFoundException;
import com.crmplatform.store.sqlite.SqliteDatabase;
import com.crmplatform.store.sqlite.SqliteSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Campaigns in the local store. Freezing the audience is one INSERT … SELECT over the compiled
 * rule, personalising the message in SQL, in the same transaction as the audience size: a
 * million messages are frozen in seconds, all or nothing.
 */
public final class SqliteCampaignRepository implements CampaignRepository {

    private static final String COLUMNS = "id, name, rule, message, status, audience_size, sent, failed, created_at, "
            + "updated_at, created_by, updated_by, version, channel, subject";
    private static final String FIRST_NAME = "CASE WHEN instr(trim(name), ' ') > 0 "
            + "THEN substr(trim(name), 1, instr(trim(name), ' ') - 1) ELSE trim(name) END";

    private final SqliteDatabase db;

    /** The SQL for what a placeholder stands for, over a customers row (as Placeholder.valueFor says in Java). */
    private static String column(MessageTemplate.Placeholder p) {
        return switch (p) {
            case NAME -> "name";
            case FIRST_NAME -> FIRST_NAME;
            case EMAIL -> "email";
            case CITY -> "city";
        };
    }

    public SqliteCampaignRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(Campaign c) {
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO campaigns (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(14, c.channel().name());
                ps.setString(15, c.subject());
                ps.setString(1, c.id());
                ps.setString(2, c.name());
                ps.setString(3, RuleJson.write(c.rule()));
                ps.setString(4, c.message());
                ps.setString(5, c.status().name());
                ps.setLong(6, c.audienceSize());
                ps.setLong(7, c.sent());
                ps.setLong(8, c.failed());
                Audit a = c.audit();
                ps.setLong(9, a.createdAt().toEpochMilli());
                ps.setLong(10, a.updatedAt().toEpochMilli());
                ps.setString(11, a.createdBy());
                ps.setString(12, a.updatedBy());
                ps.setLong(13, a.version());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Campaign freezeAudience(Campaign c, LocalDate today) {
        SqlRuleCompiler.Sql where = SqlRuleCompiler.compile(c.rule(), today);
        long now = Instant.now().toEpochMilli();
        db.inTransaction(conn -> {
            String render = "?";
            for (MessageTemplate.Placeholder p : MessageTemplate.Placeholder.values()) {
                // A customer's own text is put in with its braces hidden (U+E000), so "{name}" inside a
                // name is never filled in by a later placeholder; the braces come back at the end.
                render = "replace(" + render + ", '" + p.token() + "', replace(" + column(p) + ", '{', char(57344)))";
            }
            render = "replace(" + render + ", char(57344), '{')";
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR IGNORE INTO communication_log (id, campaign_id, "
                    + "customer_id, customer_name, customer_email, channel, subject, message, status, attempt, lease_owner, "
                    + "lease_until, created_at, updated_at) SELECT ? || ':' || id, ?, id, name, email, ?, " + render + ", "
                    + render + ", 'PENDING', 1, '', 0, ?, ? FROM customers WHERE (" + where.condition() + ") AND "
                    + SqliteSchema.NOT_UNSUBSCRIBED)) {
                int i = 1;
                ps.setString(i++, c.id());
                ps.setString(i++, c.id());
                ps.setString(i++, c.channel().name());
                ps.setString(i++, c.subject());
                ps.setString(i++, c.message());
                ps.setLong(i++, now);
                ps.setLong(i++, now);
                for (Object p : where.params()) {
                    ps.setObject(i++, p);
                }
                ps.executeUpdate();
            }
            recount(conn, c.id());
            return null;
        });
        return findById(c.id()).orElseThrow();
    }

    @Override
    public Campaign recount(String campaignId) {
        db.inTransaction(conn -> {
            recount(conn, campaignId);
            return null;
        });
        return findById(campaignId).orElseThrow(() -> new NotFoundException("This campaign"));
    }

    private static void recount(Connection conn, String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE campaigns SET "
                + "audience_size = (SELECT count(*) FROM communication_log WHERE campaign_id = ?), "
                + "sent = (SELECT count(*) FROM communication_log WHERE campaign_id = ? AND status = 'SENT'), "
                + "failed = (SELECT count(*) FROM communication_log WHERE campaign_id = ? AND status = 'FAILED') "
                + "WHERE id = ?")) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, id);
            }
            ps.setString(4, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("UPDATE campaigns SET status = CASE WHEN "
                + SqliteSchema.CAMPAIGN_COMPLETED + " THEN 'COMPLETED' ELSE 'RUNNING' END WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Campaign> findById(String id) {
        List<Campaign> found = query("SELECT " + COLUMNS + " FROM campaigns WHERE id = ?", id, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Campaign> newestFirst(int limit) {
        return query("SELECT " + COLUMNS + " FROM campaigns ORDER BY created_at DESC, id DESC LIMIT ?", null, limit);
    }

    @Override
    public List<Campaign> unfinishedLaunches() {
        return query("SELECT " + COLUMNS + " FROM campaigns WHERE status = 'LAUNCHING' LIMIT ?", null, 1000);
    }

    private List<Campaign> query(String sql, String id, int limit) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                if (id != null) {
                    ps.setString(1, id);
                } else {
                    ps.setInt(1, limit);
                }
                List<Campaign> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Campaign(rs.getString(1), rs.getString(2), RuleJson.parse(rs.getString(3)),
                                com.crmplatform.delivery.Channel.of(rs.getString(14)), rs.getString(15), rs.getString(4), CampaignStatus.valueOf(rs.getString(5)), rs.getLong(6), rs.getLong(7),
                                rs.getLong(8), new Audit(Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)),
                                rs.getString(11), rs.getString(12), rs.getLong(13))));
                    }
                }
                return list;
            }
        });
    }
}
