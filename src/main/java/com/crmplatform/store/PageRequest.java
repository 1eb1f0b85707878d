package com.crmplatform.store;

/**
 * One page of a keyset-paged listing.
 *
 * @param after  the page starts after this row (next page); null with {@code before} null: first page
 * @param before the page ends before this row (previous page)
 * @param fromEnd with no cursor: the last page instead of the first
 * @param inclusive the page starts at the {@code after} row itself (re-reading a page from its first row)
 */
public record PageRequest(Cursor after, Cursor before, boolean fromEnd, int limit, boolean inclusive) {

    public PageRequest(Cursor after, Cursor before, boolean fromEnd, int limit) {
        this(after, before, fromEnd, limit, false);
    }

    public PageRequest {
        if (inclusive && after == null) {
            throw new IllegalArgumentException("only a page after a row can include that row");
        }
        if (after != null && before != null) {
            throw new IllegalArgumentException("a page is either after or before a row");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("page size out of range: " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, null, false, limit);
    }

    public static PageRequest last(int limit) {
        return new PageRequest(null, null, true, limit);
    }

    public static PageRequest after(Cursor cursor, int limit) {
        return new PageRequest(cursor, null, false, limit);
    }

    /** The page that starts with this row (the row included): the same page read again. */
    public static PageRequest from(Cursor cursor, int limit) {
        return new PageRequest(cursor, null, false, limit, true);
    }

    public static PageRequest before(Cursor cursor, int limit) {
        return new PageRequest(null, cursor, false, limit);
    }

    /** True when rows are read in the reverse of the display order (then flipped). */
    public boolean backwards() {
        return before != null || (after == null && fromEnd);
    }
}
