package com.crmplatform.ui;

import com.crmplatform.store.SortDirection;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.util.Callback;
import javafx.util.Duration;

/** The table and list wiring every screen shares: cells, sorting in the database, opening a row, search fields. */
public final class Tables {

    private Tables() {
    }

    /** The column shows {@code value} of each row. */
    public static <S, T> void column(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** A column of long text (reasons): each cell also shows its whole text as a tooltip. */
    public static <S> void longText(TableColumn<S, String> column, Function<S, String> value) {
        column(column, value);
        column.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            }
        });
    }

    /**
     * Columns share the table's width while their minimums fit (none ever narrower than what it
     * shows); on a narrower table they keep their widths and a horizontal scroll bar reaches the
     * rest, instead of hiding the last columns.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void fitOrScroll(TableView<?> table) {
        javafx.util.Callback fit = table.getColumnResizePolicy();
        javafx.beans.InvalidationListener check = o -> {
            double need = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + 18;
            javafx.util.Callback policy = table.getWidth() > 0 && table.getWidth() < need
                    ? TableView.UNCONSTRAINED_RESIZE_POLICY : fit;
            if (table.getColumnResizePolicy() != policy) {
                ((TableView) table).setColumnResizePolicy(policy);
            }
        };
        table.widthProperty().addListener(check);
        table.getVisibleLeafColumns().addListener(check);
    }

    /**
     * The database sorts (on an index); clicking a header asks it for that order and the table only
     * shows which column is sorted. {@code initial} starts sorted.
     */
    public static <S, K> void sortInTheStore(TableView<S> table, Map<TableColumn<S, ?>, K> keys, TableColumn<S, ?> initial,
                                             BiConsumer<K, SortDirection> sort) {
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<S, ?> col = t.getSortOrder().get(0);
                K key = keys.get(col);
                if (key != null) {
                    sort.accept(key, col.getSortType() == TableColumn.SortType.ASCENDING
                            ? SortDirection.ASCENDING : SortDirection.DESCENDING);
                }
            }
            return true;
        });
        keys.keySet().forEach(c -> c.setSortable(true));
        table.getColumns().stream().filter(c -> !keys.containsKey(c)).forEach(c -> c.setSortable(false));
        if (initial != null) {
            table.getSortOrder().add(initial);
        }
    }

    /** A double click or Enter on a row opens it. */
    public static <S> void onOpen(TableView<S> table, Runnable open) {
        table.setRowFactory(t -> {
            TableRow<S> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.run();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.run();
                e.consume();
            }
        });
    }

    /** Selecting a row tells {@code selected}; a reloaded page keeps the same record (by id) selected. */
    public static <S> void followSelection(TableView<S> table, Consumer<S> selected, Supplier<S> current,
                                           Function<S, String> id) {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                selected.accept(c);
            }
        });
        table.getItems().addListener((ListChangeListener<S>) change -> {
            S s = current.get();
            if (s != null) {
                table.getItems().stream().filter(r -> id.apply(r).equals(id.apply(s))).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
    }

    /** Ctrl+Page Down / Ctrl+Page Up turn the pages from the table too (the table would take them for scrolling). */
    public static void pageKeys(TableView<?> table, PagedList<?> page) {
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.PAGE_DOWN) {
                e.consume();
                page.next();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.PAGE_UP) {
                e.consume();
                page.previous();
            }
        });
    }

    /** Search as you type (after a short pause); Down moves into the table, Esc clears. */
    public static void searchField(TextField field, TableView<?> table, Duration quiet, Consumer<String> search) {
        Debouncer debounce = Debouncer.fx(quiet);
        field.textProperty().addListener((o, a, b) -> debounce.trigger(() -> search.accept(field.getText())));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                field.clear();
            }
        });
    }

    /** Rows for which {@code marked} holds get the CSS pseudo-class {@code pseudoClass} (e.g. cancelled orders). */
    public static <S> void markRows(TableView<S> table, Predicate<S> marked, String pseudoClass) {
        javafx.css.PseudoClass state = javafx.css.PseudoClass.getPseudoClass(pseudoClass);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(S row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(state, !empty && row != null && marked.test(row));
            }
        });
    }

    /** List cells showing {@code text}; the rows {@code muted} says get the "cancelled" style. */
    public static <T> Callback<ListView<T>, ListCell<T>> textCells(Function<T, String> text, Predicate<T> muted) {
        return l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("cancelled");
                if (empty) {
                    setText(null);
                    return;
                }
                setText(text.apply(item)); // a null item is a real choice too (e.g. "All" in a filter)
                if (item != null && muted.test(item)) {
                    getStyleClass().add("cancelled");
                }
            }
        };
    }
}
