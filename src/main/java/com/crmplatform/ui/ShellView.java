package com.crmplatform.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** The main window's frame: navigation rail, the current screen, the status bar. */
public final class ShellView {

    /** The screens of the navigation rail, in order. */
    public enum Nav { CUSTOMERS, ORDERS, CAMPAIGNS, HISTORY }

    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    @FXML
    private BorderPane root;
    @FXML
    private ToggleGroup nav;
    @FXML
    private ToggleButton navCustomers;
    @FXML
    private ToggleButton navOrders;
    @FXML
    private ToggleButton navCampaigns;
    @FXML
    private ToggleButton navHistory;
    @FXML
    private StackPane content;
    @FXML
    private Label screenTitle;
    @FXML
    private Label userLabel;
    @FXML
    private Label localModeBadge;
    @FXML
    private Label storeLabel;
    @FXML
    private Label connectionLabel;
    @FXML
    private Label workLabel;
    @FXML
    private ProgressBar workProgress;
    @FXML
    private javafx.scene.layout.HBox syncBox;
    @FXML
    private javafx.scene.control.Hyperlink pendingLink;
    @FXML
    private javafx.scene.control.Hyperlink conflictsLink;
    @FXML
    private Label lastSyncLabel;
    @FXML
    private javafx.scene.control.Button syncNowButton;

    private final ShellViewModel viewModel;
    private final Messages messages;
    private final Map<Nav, Screen> screens;
    private final Parent node;
    private Screen current;

    public ShellView(ShellViewModel viewModel, Messages messages, Map<Nav, Screen> screens) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.screens = new EnumMap<>(screens);
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        userLabel.setText(viewModel.userText());
        localModeBadge.setVisible(viewModel.localMode());
        localModeBadge.setManaged(viewModel.localMode());
        if (viewModel.teamMode()) { // the team's database, without sign-in: "Local mode" beside "Online" would contradict it
            localModeBadge.setText(messages.get("shell.noSignIn"));
        }
        storeLabel.setText(viewModel.storeText());
        connectionLabel.textProperty().bind(viewModel.connectionText());
        viewModel.onlineProperty().addListener((o, a, online) -> connectionLabel.pseudoClassStateChanged(OFFLINE, !online));
        workLabel.textProperty().bind(viewModel.workText());
        // The sync figures keep their width; the store's address gives way (its full text is in the tooltip).
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {connectionLabel, pendingLink, conflictsLink,
                lastSyncLabel, syncNowButton, workLabel}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        storeLabel.setMinWidth(60);
        storeLabel.setTooltip(new javafx.scene.control.Tooltip(viewModel.storeText()));
        syncBox.setVisible(viewModel.teamMode());
        syncBox.setManaged(viewModel.teamMode());
        pendingLink.textProperty().bind(viewModel.pendingText());
        conflictsLink.textProperty().bind(viewModel.conflictsText());
        conflictsLink.visibleProperty().bind(viewModel.conflictsProperty().greaterThan(0));
        conflictsLink.managedProperty().bind(conflictsLink.visibleProperty());
        conflictsLink.pseudoClassStateChanged(ATTENTION, true);
        lastSyncLabel.textProperty().bind(viewModel.lastSyncText());
        syncNowButton.disableProperty().bind(viewModel.syncingProperty().or(viewModel.onlineProperty().not()));
        workProgress.visibleProperty().bind(viewModel.busy());
        Map<ToggleButton, Nav> buttons = Map.of(navCustomers, Nav.CUSTOMERS, navOrders, Nav.ORDERS,
                navCampaigns, Nav.CAMPAIGNS, navHistory, Nav.HISTORY);
        nav.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one screen is always shown
            } else {
                show(buttons.get((ToggleButton) now));
            }
        });
    }

    public Parent node() {
        return node;
    }

    /** Installs the window-wide shortcuts once the scene exists. */
    public void installShortcuts() {
        var acc = root.getScene().getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> navCustomers.setSelected(true));
        acc.put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> navOrders.setSelected(true));
        acc.put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), () -> navCampaigns.setSelected(true));
        acc.put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN), () -> navHistory.setSelected(true));
        navCustomers.setSelected(true);
    }

    public void select(Nav target) {
        switch (target) {
            case CUSTOMERS -> navCustomers.setSelected(true);
            case ORDERS -> navOrders.setSelected(true);
            case CAMPAIGNS -> navCampaigns.setSelected(true);
            case HISTORY -> navHistory.setSelected(true);
        }
    }

    private void show(Nav target) {
        var acc = root.getScene() == null ? null : root.getScene().getAccelerators();
        if (current != null && acc != null) {
            current.shortcuts().keySet().forEach(acc::remove);
        }
        current = screens.get(target);
        content.getChildren().setAll(current.node());
        screenTitle.setText(messages.get(current.titleKey()));
        if (acc != null) {
            acc.putAll(current.shortcuts());
        }
        current.shown();
    }

    private Runnable onSettings = () -> { };
    @FXML
    private javafx.scene.control.Button signOutButton;

    /** Shows a Sign out button that runs {@code action} (signed-in mode only). */
    public void setOnSignOut(Runnable action) {
        signOutButton.setVisible(true);
        signOutButton.setManaged(true);
        signOutButton.setOnAction(e -> action.run());
    }

    @FXML
    private void signOut() {
        // replaced by setOnSignOut
    }

    /** What the Settings button opens. */
    public void setOnSettings(Runnable action) {
        this.onSettings = action;
    }

    @FXML
    private void openSettings() {
        onSettings.run();
    }

    @FXML
    private void syncNow() {
        viewModel.syncNow(problem -> new FxDialogService(root.getScene().getWindow(), messages)
                .showError(messages.get("sync.failed"), problem));
    }

    @FXML
    private void openSyncDetails() {
        new SyncDetailsDialog(viewModel, messages, root.getScene().getWindow()).show();
    }

    @FXML
    private void toggleTheme() {
        viewModel.darkThemeProperty().set(!viewModel.darkThemeProperty().get());
    }
}
