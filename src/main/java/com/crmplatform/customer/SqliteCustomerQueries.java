package com.crmplatform.customer;

import com.crmplatform.store.Cursor;
import com.crmplatform.store.PageRequest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of customer listings: a search filter on index ranges and keyset paging on (key, id). */
final class SqliteCustomerQueries {

    /** SQL text with its parameters, in order. */
    record Built(String sql, List<Object> params) {
        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
        }
    }

    private SqliteCustomerQueries() {
    }

    static String column(CustomerSort sort) {
        return switch (sort) {
            case NAME -> "name_lc";
            case EMAIL -> "email_lc";
            case TOTAL_SPEND -> "total_spend_paise";
            case VISITS -> "visits";
            case LAST_PURCHASE -> "last_purchase";
        };
    }

    static Built page(CustomerQuery q, PageRequest r) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        search(q.search(), where, params);
        String col = column(q.sort());
        boolean readAscending = q.ascending() != r.backwards();
        Cursor cursor = r.after() != null ? r.after() : r.before();
        if (cursor != null) {
            Cursor v = SqliteCustomerRepository.cursorValue(q.sort(), cursor);
            where.add("(" + col + ", id) " + (readAscending ? ">" : "<") + (r.inclusive() ? "=" : "") + " (?, ?)");
            params.add(v.sortValue());
            params.add(v.id());
        }
        String dir = readAscending ? "ASC" : "DESC";
        String sql = "SELECT " + SqliteCustomerRepository.COLUMNS + " FROM customers"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + col + " " + dir + ", id " + dir + " LIMIT " + (r.limit() + 1);
        return new Built(sql, params);
    }

    static Built count(CustomerQuery q) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        search(q.search(), where, params);
        return new Built("SELECT count(*) FROM customers" + (where.isEmpty() ? "" : " WHERE " + where.get(0)), params);
    }

    /** Prefix of the name, the surname, the email or the phone's digits: four index ranges. */
    private static void search(String text, List<String> where, List<Object> params) {
        if (text.isEmpty()) {
            return;
        }
        String upper = text + Character.MAX_VALUE;
        List<String> ranges = new ArrayList<>(List.of("(name_lc >= ? AND name_lc < ?)",
                "(surname_lc >= ? AND surname_lc < ?)", "(email_lc >= ? AND email_lc < ?)"));
        for (int i = 0; i < 3; i++) {
            params.add(text);
            params.add(upper);
        }
        if (SearchKeys.looksLikePhone(text)) {
            String digits = SearchKeys.phoneKey(text);
            ranges.add("(phone_digits >= ? AND phone_digits < ?)");
            params.add(digits);
            params.add(digits + Character.MAX_VALUE);
        }
        where.add("(" + String.join(" OR ", ranges) + ")");
    }
}
