package com.crmplatform.importexport.ui;

import com.crmplatform.importexport.ColumnChoice;
import com.crmplatform.importexport.ImportProgress;
import com.crmplatform.importexport.MissingColumns;
import com.crmplatform.importexport.ImportResult;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Importing a CSV in two steps: a preview that says what would be created, updated and rejected
 * (nothing written), then the import itself with progress and Cancel. Batches already written
 * stay written when the user cancels.
 */
public final class ImportViewModel {

    /** Where the import window is. */
    public enum Phase { PREVIEWING, MAPPING, READY, IMPORTING, DONE, FAILED }

    /** Runs a preview or an import of a file, its columns read as chosen, with progress reports. */
    public interface Runner {
        ImportResult run(Path file, ColumnChoice choice, ImportProgress progress);
    }

    /** One field of the column step: which of the file's columns holds it ("" for none). */
    public record ColumnRow(String field, String label, boolean required, StringProperty column) {
    }

    private final Runner preview;
    private final Runner importer;
    private final UiExecutor executor;
    private final Messages messages;
    private final Consumer<Runnable> fxThread;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.PREVIEWING);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<ImportResult.Rejection> rejected = FXCollections.observableArrayList();
    private final ObservableList<ImportResult.Change> sample = FXCollections.observableArrayList();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ObservableList<ColumnRow> columnRows = FXCollections.observableArrayList();
    private final ObservableList<String> fileColumns = FXCollections.observableArrayList();
    private final StringProperty columnProblem = new SimpleStringProperty("");
    private final StringProperty columnHint = new SimpleStringProperty("");
    private Path file;
    private ColumnChoice choice = ColumnChoice.NONE;
    private boolean wroteAnything;

    /**
     * @param fxThread how progress reports from the worker reach the FX thread ({@code Platform::runLater},
     *                 or running them at once in tests)
     */
    public ImportViewModel(Runner preview, Runner importer, UiExecutor executor, Messages messages,
                           Consumer<Runnable> fxThread) {
        this.preview = preview;
        this.importer = importer;
        this.executor = executor;
        this.messages = messages;
        this.fxThread = fxThread;
    }

    public static Consumer<Runnable> fxThread() {
        return Platform::runLater;
    }

    public void open(Path csv) {
        this.file = csv;
        this.choice = ColumnChoice.NONE;
        preview();
    }

    private void preview() {
        Path csv = file;
        phase.set(Phase.PREVIEWING);
        progress.set(-1);
        summary.set(messages.get("import.previewing", csv.getFileName()));
        run(preview, r -> {
            sample.setAll(r.sample());
            phase.set(Phase.READY);
            summary.set(messages.get("import.preview", r.created(), r.updated(), r.rejected().size()) + notes(r));
        });
    }

    public void startImport() {
        if (phase.get() != Phase.READY) {
            return;
        }
        phase.set(Phase.IMPORTING);
        progress.set(0);
        run(importer, r -> {
            wroteAnything = r.created() + r.updated() > 0;
            phase.set(Phase.DONE);
            summary.set(messages.get(r.cancelled() ? "import.cancelled" : "import.done", r.created(), r.updated(),
                    r.rejected().size()) + notes(r));
        });
    }

    /** What else the user should know: rows already imported, and rows that repeat an earlier row's email or id. */
    private String notes(ImportResult r) {
        StringBuilder b = new StringBuilder();
        if (r.skipped() > 0) {
            b.append(' ').append(messages.get("import.skipped", r.skipped()));
        }
        if (r.optOutsKept() > 0) {
            b.append(' ').append(messages.get("import.optOutsKept", r.optOutsKept()));
        }
        if (!r.repeated().isEmpty()) {
            ImportResult.Repeat first = r.repeated().get(0);
            b.append(' ').append(messages.get("import.repeated", r.repeated().size(), first.line(), first.firstLine(),
                    first.key()));
        }
        return b.toString();
    }

    public void cancel() {
        cancelled.set(true);
    }

    private void run(Runner runner, Consumer<ImportResult> done) {
        cancelled.set(false);
        Path f = file;
        ImportProgress report = new ImportProgress() {
            @Override
            public void update(double fraction, int created, int updated, int bad) {
                fxThread.accept(() -> {
                    if (phase.get() == Phase.IMPORTING) {
                        progress.set(fraction);
                        summary.set(messages.get("import.progress", created, updated, bad));
                    }
                });
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        ColumnChoice c = choice;
        executor.submit(() -> runner.run(f, c, report), r -> {
            rejected.setAll(r.rejected());
            progress.set(1);
            done.accept(r);
        }, e -> {
            if (e instanceof MissingColumns missing) {
                askForColumns(missing);
                return;
            }
            phase.set(Phase.FAILED);
            summary.set(messages.describe(e));
        });
    }

    /** The column step: the file's headers name no column for some field, so the user says which is which. */
    private void askForColumns(MissingColumns missing) {
        fileColumns.setAll(missing.fileColumns());
        List<ColumnRow> rows = new ArrayList<>();
        for (String field : missing.fields()) {
            String chosen = choice.columns().getOrDefault(field, missing.matched().getOrDefault(field, ""));
            SimpleStringProperty column = new SimpleStringProperty(chosen);
            column.addListener((o, a, b) -> checkColumns());
            rows.add(new ColumnRow(field, messages.get("import.field." + field), missing.required().contains(field),
                    column));
        }
        columnRows.setAll(rows);
        progress.set(0);
        phase.set(Phase.MAPPING);
        summary.set(messages.get("import.columns.ask", fileColumns.size(), String.join(", ", missing.missing().stream()
                .map(f -> messages.get("import.field." + f)).toList())));
        checkColumns();
    }

    /** What stops the chosen columns from being read: a required field without a column, or a column chosen twice. */
    private void checkColumns() {
        Set<String> seen = new HashSet<>();
        String problem = "";
        String hint = "";
        for (ColumnRow row : columnRows) {
            String c = row.column().get();
            if (c == null || c.isEmpty()) {
                if (row.required() && hint.isEmpty()) {
                    hint = messages.get("import.columns.required", row.label());
                }
            } else if (!seen.add(c) && problem.isEmpty()) {
                problem = messages.get("import.columns.twice", c);
            }
        }
        columnProblem.set(problem);
        columnHint.set(problem.isEmpty() ? hint : "");
    }

    /** What is still to choose before Preview (a required field without a column); "" when nothing. */
    public StringProperty columnHintProperty() {
        return columnHint;
    }

    /** True when the chosen columns can be read: every required field has one, no column is chosen twice. */
    public boolean columnsReady() {
        return columnProblem.get().isEmpty() && columnHint.get().isEmpty();
    }

    /** Reads the file again with the columns the user chose, then shows its preview. */
    public void useColumns() {
        if (phase.get() != Phase.MAPPING || !columnsReady()) {
            return;
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (ColumnRow row : columnRows) {
            String c = row.column().get();
            if (c != null && !c.isEmpty()) {
                chosen.put(row.field(), c);
            }
        }
        choice = new ColumnChoice(chosen);
        preview();
    }

    /** The fields of the column step, required ones first. */
    public ObservableList<ColumnRow> columnRows() {
        return columnRows;
    }

    /** The file's columns, to choose from in the column step. */
    public ObservableList<String> fileColumns() {
        return fileColumns;
    }

    /** What is wrong with the chosen columns: one chosen for two fields ("" when nothing). */
    public StringProperty columnProblemProperty() {
        return columnProblem;
    }

    /** What the preview says some rows will do (examples of creates and updates, with what changes). */
    public ObservableList<ImportResult.Change> sample() {
        return sample;
    }

    /** A preview example in words: "New customer Asha Rao" or "City: Pune → Delhi; Visits: 2 → 3". */
    public String describe(ImportResult.Change c) {
        if (c.creates()) {
            return messages.get("import.change.new", c.name());
        }
        return c.changes().isEmpty() ? messages.get("import.change.none") : String.join("; ", c.changes());
    }

    public boolean wroteAnything() {
        return wroteAnything;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<ImportResult.Rejection> rejected() {
        return rejected;
    }
}
