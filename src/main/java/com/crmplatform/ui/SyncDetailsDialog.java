package com.crmplatform.ui;

import com.crmplatform.sync.Conflict;
import com.crmplatform.sync.Replica;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * What "pending N" and "conflicts N" are made of: the changes waiting to be sent, and the
 * conflicts side by side (this computer's value, the central one) with a choice for each.
 */
final class SyncDetailsDialog {

    private final ShellViewModel viewModel;
    private final Messages messages;
    private final Dialog<Void> dialog = new Dialog<>();
    private final Label pendingTitle = new Label();
    private final ListView<String> pending = new ListView<>();
    private final Label conflictsTitle = new Label();
    private final TableView<Conflict> conflicts = new TableView<>();

    SyncDetailsDialog(ShellViewModel viewModel, Messages messages, Window owner) {
        this.viewModel = viewModel;
        this.messages = messages;
        Dialogs.owned(dialog, owner);
        dialog.setTitle(messages.get("sync.details.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        pending.setPlaceholder(new Label(messages.get("sync.details.none")));
        pending.setPrefHeight(160);
        conflicts.setPlaceholder(new Label(messages.get("sync.details.none")));
        conflicts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        conflicts.getColumns().add(column("sync.details.record", Conflict::record));
        conflicts.getColumns().add(column("sync.details.field", c -> Replica.RECORD.equals(c.field())
                ? messages.get("sync.details.wholeRecord") : c.field().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + c.field().substring(1)));
        conflicts.getColumns().add(column("sync.details.mine", Conflict::mine));
        conflicts.getColumns().add(column("sync.details.theirs", Conflict::theirs));
        Button keepMine = new Button(messages.get("sync.details.keepMine"));
        Button keepTheirs = new Button(messages.get("sync.details.keepTheirs"));
        keepMine.disableProperty().bind(conflicts.getSelectionModel().selectedItemProperty().isNull());
        keepTheirs.disableProperty().bind(keepMine.disableProperty());
        keepMine.setOnAction(e -> resolve(true));
        keepTheirs.setOnAction(e -> resolve(false));
        conflictsTitle.getStyleClass().add("section-title");
        pendingTitle.getStyleClass().add("section-title");
        VBox content = new VBox(8, conflictsTitle, conflicts, new HBox(8, keepMine, keepTheirs), pendingTitle, pending);
        VBox.setVgrow(conflicts, Priority.ALWAYS);
        content.setStyle("-fx-padding: 16 16 0 16;"); // the dialog pane styles its content; inline wins
        dialog.getDialogPane().setPrefSize(920, 560);
        conflicts.getColumns().get(0).setPrefWidth(300);
        dialog.getDialogPane().setContent(content);
        show(new ShellViewModel.SyncDetails(java.util.List.of(), java.util.List.of()));
    }

    private static TableColumn<Conflict, String> column(String key, java.util.function.Function<Conflict, String> value,
                                                                Messages messages) {
        TableColumn<Conflict, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        return c;
    }

    private TableColumn<Conflict, String> column(String key, java.util.function.Function<Conflict, String> value) {
        return column(key, value, messages);
    }

    void show() {
        viewModel.loadSyncDetails(this::show);
        dialog.show();
        // Sized after showing: the dialog window otherwise keeps the narrow size of its first layout.
        dialog.setWidth(Math.min(940, dialog.getOwner().getWidth() - 40));
        dialog.setHeight(Math.min(600, dialog.getOwner().getHeight() - 40));
        dialog.setX(dialog.getOwner().getX() + (dialog.getOwner().getWidth() - dialog.getWidth()) / 2);
        dialog.setY(dialog.getOwner().getY() + (dialog.getOwner().getHeight() - dialog.getHeight()) / 2);
    }

    private void show(ShellViewModel.SyncDetails details) {
        pending.getItems().setAll(details.pending());
        conflicts.getItems().setAll(details.conflicts());
        if (conflicts.getSelectionModel().isEmpty() && !conflicts.getItems().isEmpty()) {
            conflicts.getSelectionModel().selectFirst(); // Keep … works at once on the first conflict
        }
        pendingTitle.setText(messages.get("sync.details.pending", details.pending().size()));
        conflictsTitle.setText(messages.get("sync.details.conflicts", details.conflicts().size()));
    }

    private void resolve(boolean mine) {
        Conflict selected = conflicts.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.resolve(selected.id(), mine, this::show, problem -> new FxDialogService(dialog.getOwner(), messages)
                    .showError(messages.get("sync.failed"), problem));
        }
    }
}
