package com.crmplatform.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A replica's open conflicts ({@code sync_conflicts}, one per record and field), inside the caller's
 * transaction. Few: they come from people editing the same thing, and people settle them.
 */
public final class Conflicts {

    static List<Conflict> all(Connection c) throws SQLException {
        return read(c, "ORDER BY id", null);
    }

    static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sync_conflicts")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static Optional<Conflict> byId(Connection c, long id) throws SQLException {
        return read(c, "WHERE id = ?", id).stream().findFirst();
    }

    /** The open conflicts of one record. */
    public static List<Conflict> of(Connection c, String recordId) throws SQLException {
        return read(c, "WHERE record_id = ?", recordId);
    }

    /** The fields of every open conflict, by record id. */
    static Map<String, List<String>> fieldsByRecord(Connection c) throws SQLException {
        Map<String, List<String>> all = new HashMap<>();
        for (Conflict x : all(c)) {
            all.computeIfAbsent(x.recordId(), k -> new ArrayList<>()).add(x.field());
        }
        return all;
    }

    /** The fields of this record's open conflicts. */
    static List<String> fieldsOf(Connection c, String recordId) throws SQLException {
        return of(c, recordId).stream().map(Conflict::field).toList();
    }

    /** Records a conflict (replacing an older one on the same field of the same record). */
    public static void add(Connection c, String recordId, String record, String field, String mine, String theirs,
                           long theirVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_conflicts "
                + "(record_id, record, field, mine, theirs, their_version) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT (record_id, field) DO UPDATE SET mine = excluded.mine, theirs = excluded.theirs, "
                + "their_version = excluded.their_version, record = excluded.record")) {
            ps.setString(1, recordId);
            ps.setString(2, record);
            ps.setString(3, field);
            ps.setString(4, mine);
            ps.setString(5, theirs);
            ps.setLong(6, theirVersion);
            ps.executeUpdate();
        }
    }

    public static void drop(Connection c, long id) throws SQLException {
        Sql.update(c, "DELETE FROM sync_conflicts WHERE id = ?", id);
    }

    /** Drops every conflict of a record (it is gone here: nothing of it is left to choose). */
    public static void dropAllOf(Connection c, String recordId) throws SQLException {
        Sql.update(c, "DELETE FROM sync_conflicts WHERE record_id = ?", recordId);
    }

    private static List<Conflict> read(Connection c, String where, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, record_id, record, field, mine, theirs, their_version "
                + "FROM sync_conflicts " + where)) {
            if (param != null) {
                ps.setObject(1, param);
            }
            List<Conflict> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Conflict(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7)));
                }
            }
            return rows;
        }
    }

    private Conflicts() {
    }
}
