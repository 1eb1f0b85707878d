package com.crmplatform.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rows of one page in display order, and whether there are rows before and after it. */
public record Page<T>(List<T> items, boolean hasPrevious, boolean hasNext) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from rows read with {@code limit + 1} in the direction the request reads, so
     * the extra row tells whether more lie beyond.
     */
    public static <T> Page<T> fromFetched(List<T> fetched, PageRequest request) {
        boolean more = fetched.size() > request.limit();
        List<T> rows = new ArrayList<>(more ? fetched.subList(0, request.limit()) : fetched);
        if (request.backwards()) {
            Collections.reverse(rows);
            return new Page<>(rows, more, request.before() != null);
        }
        return new Page<>(rows, request.after() != null, more);
    }
}
