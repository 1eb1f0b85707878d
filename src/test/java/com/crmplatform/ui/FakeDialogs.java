package com.crmplatform.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dialog answers scripted by a test, and a record of what was shown. */
public final class FakeDialogs implements DialogService {

    public boolean answer = true;
    public Path fileToOpen;
    public Path fileToSave;
    public final List<String> confirmations = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> notices = new ArrayList<>();
    public Runnable lastAction;

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(message);
        return answer;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void notify(String message, String actionLabel, Runnable action) {
        notices.add(message);
        lastAction = action;
    }

    @Override
    public Optional<Path> chooseCsvToOpen(String title) {
        return Optional.ofNullable(fileToOpen);
    }

    @Override
    public Optional<Path> chooseCsvToSave(String title, String suggestedName) {
        return Optional.ofNullable(fileToSave);
    }
}
