package com.crmplatform.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The one-statement writes of the replica's sync tables, inside the caller's transaction. */
final class Sql {

    /** Runs one INSERT, UPDATE or DELETE with these parameters, in order. */
    static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private Sql() {
    }
}
