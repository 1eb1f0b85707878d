package com.crmplatform.ui;

import com.crmplatform.store.Cursor;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One page of a large listing at a time, read with keyset paging in the background: only the
 * visible page is in memory, whatever the table's size. A newer request makes an older one's
 * answer stale, and a stale answer is dropped.
 */
public final class PagedList<T> {

    private final UiExecutor executor;
    private final int pageSize;
    private final Function<T, Cursor> cursorOf;
    private final Consumer<Throwable> onError;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final BooleanProperty hasPrevious = new SimpleBooleanProperty();
    private final BooleanProperty hasNext = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final LongProperty total = new SimpleLongProperty(-1);
    /** Where the shown page starts in the listing (0-based); -1 at the last page until the total is known. */
    private final LongProperty start = new SimpleLongProperty(0);
    private Function<PageRequest, Page<T>> source;
    private java.util.function.LongSupplier counter;
    private PageRequest current;
    private UiExecutor.Handle pending;
    private UiExecutor.Handle pendingCount;

    public PagedList(UiExecutor executor, int pageSize, Function<T, Cursor> cursorOf, Consumer<Throwable> onError) {
        this.executor = executor;
        this.pageSize = pageSize;
        this.cursorOf = cursorOf;
        this.onError = onError;
    }

    /** Shows the first page of a new listing (new search, sort or filter) and counts it. */
    public void show(Function<PageRequest, Page<T>> newSource, java.util.function.LongSupplier newCounter) {
        this.source = newSource;
        this.counter = newCounter;
        load(PageRequest.first(pageSize), Position.FIRST);
        recount();
    }

    public void first() {
        load(PageRequest.first(pageSize), Position.FIRST);
    }

    public void last() {
        load(PageRequest.last(pageSize), Position.LAST);
    }

    public void next() {
        if (!rows.isEmpty() && hasNext.get()) {
            load(PageRequest.after(cursorOf.apply(rows.get(rows.size() - 1)), pageSize), Position.NEXT);
        }
    }

    public void previous() {
        if (!rows.isEmpty() && hasPrevious.get()) {
            load(PageRequest.before(cursorOf.apply(rows.get(0)), pageSize), Position.PREVIOUS);
        }
    }

    /** How a page was reached, to know where it starts ("101–200 of 200,000"). */
    private enum Position { FIRST, NEXT, PREVIOUS, LAST, SAME }

    /** Reads the current page again (after an edit), from its first row's position. */
    public void refresh() {
        if (source == null) {
            return;
        }
        if (rows.isEmpty() || !hasPrevious.get()) {
            load(PageRequest.first(pageSize), Position.FIRST);
        } else {
            load(PageRequest.from(cursorOf.apply(rows.get(0)), pageSize), Position.SAME); // the page again, from its first row
        }
        recount();
    }

    private void load(PageRequest request, Position how) {
        if (source == null) {
            return;
        }
        if (pending != null) {
            pending.cancel();
        }
        loading.set(true);
        Function<PageRequest, Page<T>> s = source;
        pending = executor.submit(() -> s.apply(request), page -> {
            loading.set(false);
            current = request;
            int before = rows.size();
            rows.setAll(page.items());
            switch (how) {
                case FIRST -> start.set(0);
                case NEXT -> start.set(start.get() < 0 ? -1 : start.get() + before);
                case PREVIOUS -> start.set(start.get() < 0 ? -1 : Math.max(0, start.get() - page.items().size()));
                case LAST -> start.set(total.get() < 0 ? -1 : Math.max(0, total.get() - page.items().size()));
                case SAME -> { }
            }
            if (!page.hasPrevious()) {
                start.set(0);
            }
            hasPrevious.set(page.hasPrevious());
            hasNext.set(page.hasNext());
        }, e -> {
            loading.set(false);
            onError.accept(e);
        });
    }

    private void recount() {
        if (pendingCount != null) {
            pendingCount.cancel();
        }
        total.set(-1);
        java.util.function.LongSupplier c = counter;
        pendingCount = executor.submit(c::getAsLong, total::set, onError);
    }

    public ObservableList<T> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious;
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Where the shown page starts in the whole listing (0-based), or -1 when not known. */
    public ReadOnlyLongProperty startProperty() {
        return start;
    }

    /**
     * "101–200 of 200,000": the rows shown and the total, or just the total ({@code all}) when the
     * page holds everything; null while counting.
     */
    public String range(java.util.function.LongFunction<String> all, String of) {
        long n = total.get();
        if (n < 0) {
            return null;
        }
        if (rows.size() >= n || start.get() < 0 || rows.isEmpty()) {
            return all.apply(n);
        }
        java.text.NumberFormat f = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH);
        return f.format(start.get() + 1) + "–" + f.format(start.get() + rows.size()) + " " + of + " " + all.apply(n);
    }

    /** The number of rows of the whole listing; -1 while it is being counted. */
    public ReadOnlyLongProperty totalProperty() {
        return total;
    }

    PageRequest currentRequest() {
        return current;
    }
}
