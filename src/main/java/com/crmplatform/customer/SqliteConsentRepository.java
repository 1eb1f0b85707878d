package com.crmplatform.customer;

import com.crmplatform.store.sqlite.SqliteDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consent in the local store or a team replica. A change made here is marked pending until the
 * sync engine has written it centrally ({@link #pending}, {@link #pushed}); what comes from the
 * central database is taken as it is ({@link #takeCentral}).
 */
public final class SqliteConsentRepository implements ConsentRepository {

    private static final String UPSERT = "INSERT INTO consent (email_lc, state, at, how, pending) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT(email_lc) DO UPDATE SET state = excluded.state, at = excluded.at, how = excluded.how, "
            + "pending = excluded.pending WHERE excluded.at >= consent.at";

    private final SqliteDatabase db;

    public SqliteConsentRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void record(Collection<Consent> changes) {
        write(changes, true);
    }

    /** Central records, as they are there (a later record made here, not yet pushed, holds). */
    public void takeCentral(Collection<Consent> changes) {
        write(changes, false);
    }

    private void write(Collection<Consent> changes, boolean pending) {
        if (changes.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(pending ? UPSERT
                    : UPSERT.replace("WHERE excluded.at >= consent.at", "WHERE excluded.at > consent.at "
                    + "OR (excluded.at = consent.at AND consent.pending = 0)"))) {
                for (Consent x : changes) {
                    ps.setString(1, x.email());
                    ps.setString(2, x.state().name());
                    ps.setLong(3, x.at().toEpochMilli());
                    ps.setString(4, x.how());
                    ps.setInt(5, pending ? 1 : 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<String, Consent> find(Collection<String> emails) {
        Map<String, Consent> out = new HashMap<>();
        List<String> keys = emails.stream().map(Customer::emailKey).distinct().toList();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            out.putAll(db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT email_lc, state, at, how FROM consent WHERE email_lc IN ("
                        + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i));
                    }
                    Map<String, Consent> m = new HashMap<>();
                    for (Consent x : all(ps)) {
                        m.put(x.email(), x);
                    }
                    return m;
                }
            }));
        }
        return out;
    }

    @Override
    public long countUnsubscribed() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM consent WHERE state = 'UNSUBSCRIBED'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Changes made here that are not yet written centrally, oldest first. */
    public List<Consent> pending(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT email_lc, state, at, how FROM consent WHERE pending = 1 "
                    + "ORDER BY at LIMIT ?")) {
                ps.setInt(1, limit);
                return all(ps);
            }
        });
    }

    /** These changes are written centrally: no longer pending, unless changed here again since. */
    public void pushed(Collection<Consent> written) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE consent SET pending = 0 WHERE email_lc = ? AND at = ?")) {
                for (Consent x : written) {
                    ps.setString(1, x.email());
                    ps.setLong(2, x.at().toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static List<Consent> all(PreparedStatement ps) throws SQLException {
        List<Consent> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new Consent(rs.getString(1), Consent.State.valueOf(rs.getString(2)),
                        Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
            }
        }
        return list;
    }
}
