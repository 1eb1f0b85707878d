package com.crmplatform.ui;

import java.util.function.ToDoubleFunction;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** A table cell that shows a row's progress (0 to 1) as a bar across the cell. */
public final class ProgressCell<S> extends TableCell<S, S> {

    private static final javafx.css.PseudoClass TROUBLED = javafx.css.PseudoClass.getPseudoClass("troubled");
    private final ProgressBar bar = new ProgressBar();
    private final ToDoubleFunction<S> progress;
    private final java.util.function.Predicate<S> troubled;

    private ProgressCell(ToDoubleFunction<S> progress, java.util.function.Predicate<S> troubled) {
        this.progress = progress;
        this.troubled = troubled;
        bar.setMaxWidth(Double.MAX_VALUE);
    }

    /** The column shows each row's {@code progress}. */
    public static <S> void install(TableColumn<S, S> column, ToDoubleFunction<S> progress) {
        install(column, progress, s -> false);
    }

    /** As {@link #install(TableColumn, ToDoubleFunction)}, the bar in the warning colour for rows where {@code troubled} holds (failures). */
    public static <S> void install(TableColumn<S, S> column, ToDoubleFunction<S> progress, java.util.function.Predicate<S> troubled) {
        Tables.column(column, s -> s);
        column.setCellFactory(c -> new ProgressCell<>(progress, troubled));
    }

    @Override
    protected void updateItem(S row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        bar.setProgress(progress.applyAsDouble(row));
        bar.pseudoClassStateChanged(TROUBLED, troubled.test(row));
        setGraphic(bar);
    }
}
