package com.crmplatform.ui;

import java.util.function.ToDoubleFunction;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** A table cell that shows a row's progress (0 to 1) as a bar across the cell. */
public final class ProgressCell<S> extends TableCell<S, S> {

    private final ProgressBar bar = new ProgressBar();
    private final ToDoubleFunction<S> progress;

    private ProgressCell(ToDoubleFunction<S> progress) {
        this.progress = progress;
        bar.setMaxWidth(Double.MAX_VALUE);
    }

    /** The column shows each row's {@code progress}. */
    public static <S> void install(TableColumn<S, S> column, ToDoubleFunction<S> progress) {
        Tables.column(column, s -> s);
        column.setCellFactory(c -> new ProgressCell<>(progress));
    }

    @Override
    protected void updateItem(S row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        bar.setProgress(progress.applyAsDouble(row));
        setGraphic(bar);
    }
}
