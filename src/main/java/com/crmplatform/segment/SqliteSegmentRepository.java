package com.crmplatform.segment;

import com.crmplatform.store.Audit;
import com.crmplatform.store.sqlite.SqliteDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Named segments in the local store. */
public final class SqliteSegmentRepository implements SegmentRepository {

    private final SqliteDatabase db;

    public SqliteSegmentRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public SavedSegment save(SavedSegment s) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO segments (id, name, name_lc, rule, created_at, "
                    + "updated_at, created_by, updated_by, version) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(name_lc) DO UPDATE "
                    + "SET rule = excluded.rule, name = excluded.name, updated_at = excluded.updated_at, "
                    + "updated_by = excluded.updated_by, version = segments.version + 1")) {
                ps.setString(1, s.id());
                ps.setString(2, s.name());
                ps.setString(3, s.name().toLowerCase(Locale.ROOT));
                ps.setString(4, RuleJson.write(s.rule()));
                ps.setLong(5, s.audit().createdAt().toEpochMilli());
                ps.setLong(6, s.audit().updatedAt().toEpochMilli());
                ps.setString(7, s.audit().createdBy());
                ps.setString(8, s.audit().updatedBy());
                ps.setLong(9, s.audit().version());
                ps.executeUpdate();
            }
            return null;
        });
        return all().stream().filter(x -> x.name().equalsIgnoreCase(s.name())).findFirst().orElseThrow();
    }

    @Override
    public List<SavedSegment> all() {
        return db.read(c -> {
            List<SavedSegment> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, rule, created_at, updated_at, created_by, "
                    + "updated_by, version FROM segments ORDER BY name_lc");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new SavedSegment(rs.getString(1), rs.getString(2), RuleJson.parse(rs.getString(3)),
                            new Audit(Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
                                    rs.getString(6), rs.getString(7), rs.getLong(8))));
                }
            }
            return list;
        });
    }

    @Override
    public void delete(String id) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM segments WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
