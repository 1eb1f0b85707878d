package com.crmplatform.importexport.ui;

import com.crmplatform.importexport.ImportResult;
import com.crmplatform.ui.Dialogs;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.Tables;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The import window: preview, then Import with a progress bar and Cancel. */
public final class ImportView {

    @FXML
    private Label fileLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private VBox columnsBox;
    @FXML
    private GridPane columnsGrid;
    @FXML
    private Label columnProblemLabel;
    @FXML
    private Label columnHintLabel;
    @FXML
    private Label rejectedHeading;
    @FXML
    private Label changesHeading;
    @FXML
    private TableView<ImportResult.Change> changesTable;
    @FXML
    private TableColumn<ImportResult.Change, Number> changeLineColumn;
    @FXML
    private TableColumn<ImportResult.Change, String> changeKeyColumn;
    @FXML
    private TableColumn<ImportResult.Change, String> changeColumn;
    @FXML
    private TableView<ImportResult.Rejection> rejectedTable;
    @FXML
    private TableColumn<ImportResult.Rejection, Number> lineColumn;
    @FXML
    private TableColumn<ImportResult.Rejection, String> reasonColumn;

    private final ImportViewModel viewModel;
    private final Messages messages;
    private final Parent node;

    private final String titleKey;

    /** @param titleKey the window title: what is being imported */
    public ImportView(ImportViewModel viewModel, Messages messages, String titleKey) {
        this.viewModel = viewModel;
        this.titleKey = titleKey;
        this.messages = messages;
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        lineColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().line()));
        Tables.longText(reasonColumn, ImportResult.Rejection::reason);
        rejectedTable.setItems(viewModel.rejected());
        changeLineColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().line()));
        changeKeyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        changeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.describe(c.getValue())));
        changesTable.setItems(viewModel.sample());
        // The examples are the preview's: once rows are written the counts say what happened.
        BooleanBinding previewing = viewModel.phaseProperty().isEqualTo(ImportViewModel.Phase.READY)
                .or(viewModel.phaseProperty().isEqualTo(ImportViewModel.Phase.PREVIEWING));
        for (Node n : new Node[] {changesHeading, changesTable}) {
            n.visibleProperty().bind(previewing);
            n.managedProperty().bind(previewing);
        }
        BooleanBinding mapping = viewModel.phaseProperty().isEqualTo(ImportViewModel.Phase.MAPPING);
        columnsBox.visibleProperty().bind(mapping);
        columnsBox.managedProperty().bind(mapping);
        for (Node n : new Node[] {rejectedHeading, rejectedTable}) {
            n.visibleProperty().bind(mapping.not());
            n.managedProperty().bind(mapping.not());
        }
        columnProblemLabel.textProperty().bind(viewModel.columnProblemProperty());
        columnHintLabel.textProperty().bind(viewModel.columnHintProperty());
        progressBar.visibleProperty().bind(mapping.not());
        progressBar.managedProperty().bind(mapping.not());
        viewModel.columnRows().addListener((ListChangeListener<ImportViewModel.ColumnRow>) c ->
                showColumnRows());
    }

    /** One row per field: its name (required ones marked) and a choice of the file's columns. */
    private void showColumnRows() {
        columnsGrid.getChildren().clear();
        String none = messages.get("import.columns.none");
        int r = 0;
        columnsGrid.addRow(r++, heading("import.columns.field"), heading("import.columns.column"));
        for (ImportViewModel.ColumnRow row : viewModel.columnRows()) {
            Label label = new Label(row.label() + (row.required() ? " *" : ""));
            ComboBox<String> box = new ComboBox<>();
            box.getItems().add(none);
            box.getItems().addAll(viewModel.fileColumns());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setValue(row.column().get().isEmpty() ? none : row.column().get());
            box.valueProperty().addListener((o, a, b) -> row.column().set(b == null || b.equals(none) ? "" : b));
            box.setId("column-" + row.field());
            label.setLabelFor(box);
            columnsGrid.addRow(r++, label, box);
        }
    }

    private Label heading(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("column-step-heading");
        return l;
    }

    /** Opens the window on a file and starts its preview; {@code onImported} runs after rows were written. */
    public void showDialog(Window owner, Path file, Runnable onImported) {
        fileLabel.setText(file.getFileName().toString());
        Dialog<Void> dialog = new Dialog<>();
        Dialogs.owned(dialog, owner);
        dialog.setTitle(messages.get(titleKey));
        dialog.setResizable(true);
        ButtonType importType = new ButtonType(messages.get("import.start"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(importType, cancelType);
        dialog.getDialogPane().setContent(node);
        // Big enough for the examples and the first rejection reasons, whatever the content reports at first.
        dialog.getDialogPane().setPrefSize(820, 600);
        dialog.getDialogPane().setMinSize(640, 460);
        Button importButton = (Button) dialog.getDialogPane().lookupButton(importType);
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancelType);
        BooleanBinding mapping = viewModel.phaseProperty().isEqualTo(ImportViewModel.Phase.MAPPING);
        importButton.disableProperty().bind(Bindings.createBooleanBinding(() -> switch (viewModel.phaseProperty().get()) {
            case READY -> false;
            case MAPPING -> !viewModel.columnsReady();
            default -> true;
        }, viewModel.phaseProperty(), viewModel.columnProblemProperty(), viewModel.columnHintProperty()));
        importButton.textProperty().bind(Bindings.when(mapping).then(messages.get("import.columns.use"))
                .otherwise(messages.get("import.start")));
        importButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (mapping.get()) {
                viewModel.useColumns();
            } else {
                viewModel.startImport();
            }
        });
        cancelButton.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                switch (viewModel.phaseProperty().get()) {
                    case DONE, FAILED -> "action.close";
                    default -> "action.cancel";
                }), viewModel.phaseProperty()));
        cancelButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (viewModel.phaseProperty().get() == ImportViewModel.Phase.IMPORTING) {
                e.consume(); // stop after the batch being written; the window closes when it has
                viewModel.cancel();
            }
        });
        viewModel.phaseProperty().addListener((o, a, phase) -> {
            if (phase == ImportViewModel.Phase.DONE && viewModel.wroteAnything()) {
                onImported.run();
            }
        });
        dialog.setOnCloseRequest(e -> {
            if (viewModel.phaseProperty().get() == ImportViewModel.Phase.IMPORTING) {
                e.consume();
                viewModel.cancel();
            }
        });
        viewModel.open(file);
        dialog.show();
    }
}
