package com.crmplatform.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Dialogs, file choosers and notifications, behind an interface so view-models stay testable. */
public interface DialogService {

    boolean confirm(String title, String message, String confirmLabel);

    void showError(String title, String message);

    /** A passing notice; with an action (e.g. "Undo") the user can click while it shows. */
    void notify(String message, String actionLabel, Runnable action);

    Optional<Path> chooseCsvToOpen(String title);

    Optional<Path> chooseCsvToSave(String title, String suggestedName);
}
