package com.crmplatform.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Dialogs on the real window. */
public final class FxDialogService implements DialogService {

    private final Window owner;
    private final Messages messages;
    private File lastFolder;

    public FxDialogService(Window owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        Dialogs.owned(alert, owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        Dialogs.owned(alert, owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }

    @Override
    public void notify(String message, String actionLabel, Runnable action) {
        Notifications n = Notifications.create().owner(owner).text(message).hideAfter(Duration.seconds(8));
        if (actionLabel != null && action != null) {
            n.action(new org.controlsfx.control.action.Action(actionLabel, e -> action.run()));
        }
        n.show();
    }

    @Override
    public Optional<Path> chooseCsvToOpen(String title) {
        FileChooser chooser = csvChooser(title);
        File f = keepingMaximised(() -> chooser.showOpenDialog(owner));
        remember(f);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseCsvToSave(String title, String suggestedName) {
        FileChooser chooser = csvChooser(title);
        chooser.setInitialFileName(suggestedName);
        File f = keepingMaximised(() -> chooser.showSaveDialog(owner));
        remember(f);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /**
     * Shows a system file chooser; a maximised window is maximised again afterwards (the chooser is
     * modal to it, and JavaFX 21's modality makes some window managers restore it: JDK-8332222).
     */
    private File keepingMaximised(java.util.function.Supplier<File> chooser) {
        boolean maximised = owner instanceof javafx.stage.Stage s && s.isMaximized();
        File f = chooser.get();
        if (maximised) {
            javafx.stage.Stage stage = (javafx.stage.Stage) owner;
            javafx.application.Platform.runLater(() -> {
                stage.setMaximized(false);
                stage.setMaximized(true);
            });
        }
        return f;
    }

    private FileChooser csvChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(messages.get("file.csv"), "*.csv"),
                new FileChooser.ExtensionFilter(messages.get("file.all"), "*.*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private void remember(File f) {
        if (f != null) {
            lastFolder = f.getParentFile();
        }
    }
}
