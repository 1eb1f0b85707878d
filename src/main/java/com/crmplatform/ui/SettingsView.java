package com.crmplatform.ui;

import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The Settings dialog. */
public final class SettingsView {

    @FXML
    private PasswordField groqKey;
    @FXML
    private TextField groqBaseUrl;
    @FXML
    private TextField groqModel;
    @FXML
    private TextField mongoUrl;
    @FXML
    private Label note;
    @FXML
    private Button testButton;
    @FXML
    private Label connection;
    @FXML
    private TextField googleClientId;
    @FXML
    private PasswordField googleSecret;
    @FXML
    private TextField allowedDomains;
    @FXML
    private Label dataFolder;
    @FXML
    private Label about;
    @FXML
    private CheckBox darkTheme;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab emailTab;
    @FXML
    private TextField smtpHost;
    @FXML
    private TextField smtpPort;
    @FXML
    private ChoiceBox<String> smtpTls;
    @FXML
    private TextField smtpUser;
    @FXML
    private PasswordField smtpPassword;
    @FXML
    private TextField smtpFrom;
    @FXML
    private TextField smtpFromName;
    @FXML
    private TextField smtpPerMinute;
    @FXML
    private TextField testEmailTo;
    @FXML
    private Button testEmailButton;
    @FXML
    private Label emailResult;

    private final SettingsViewModel viewModel;
    private final Messages messages;
    private final Parent node;

    public SettingsView(SettingsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        groqKey.textProperty().bindBidirectional(viewModel.groqKeyProperty());
        groqKey.promptTextProperty().bind(viewModel.groqKeyPromptProperty());
        groqBaseUrl.textProperty().bindBidirectional(viewModel.groqBaseUrlProperty());
        groqModel.textProperty().bindBidirectional(viewModel.groqModelProperty());
        mongoUrl.textProperty().bindBidirectional(viewModel.mongoUrlProperty());
        note.textProperty().bind(viewModel.noteProperty());
        note.visibleProperty().bind(viewModel.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        testButton.disableProperty().bind(viewModel.testingProperty());
        connection.textProperty().bind(viewModel.connectionProperty());
        connection.managedProperty().bind(viewModel.connectionProperty().isNotEmpty());
        googleClientId.textProperty().bindBidirectional(viewModel.googleClientIdProperty());
        googleSecret.textProperty().bindBidirectional(viewModel.googleClientSecretProperty());
        googleSecret.promptTextProperty().bind(viewModel.googleSecretPromptProperty());
        allowedDomains.textProperty().bindBidirectional(viewModel.allowedDomainsProperty());
        dataFolder.setText(viewModel.dataFolderText());
        about.setText(viewModel.aboutText());
        darkTheme.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        smtpHost.textProperty().bindBidirectional(viewModel.smtpHostProperty());
        smtpPort.textProperty().bindBidirectional(viewModel.smtpPortProperty());
        smtpTls.getItems().setAll("starttls", "tls", "none");
        smtpTls.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : messages.get("settings.smtpTls." + value.toUpperCase(Locale.ROOT));
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        smtpTls.valueProperty().bindBidirectional(viewModel.smtpTlsProperty());
        smtpUser.textProperty().bindBidirectional(viewModel.smtpUserProperty());
        smtpPassword.textProperty().bindBidirectional(viewModel.smtpPasswordProperty());
        smtpPassword.promptTextProperty().bind(viewModel.smtpPasswordPromptProperty());
        smtpFrom.textProperty().bindBidirectional(viewModel.smtpFromProperty());
        smtpFromName.textProperty().bindBidirectional(viewModel.smtpFromNameProperty());
        smtpPerMinute.textProperty().bindBidirectional(viewModel.smtpPerMinuteProperty());
        testEmailTo.textProperty().bindBidirectional(viewModel.testEmailToProperty());
        testEmailButton.disableProperty().bind(viewModel.sendingTestProperty());
        emailResult.textProperty().bind(viewModel.emailResultProperty());
        emailResult.managedProperty().bind(viewModel.emailResultProperty().isNotEmpty());
    }

    @FXML
    private void sendTestEmail() {
        viewModel.sendTestEmail();
    }

    /** Opens the dialog on its Email page. */
    public SettingsView onEmail() {
        tabs.getSelectionModel().select(emailTab);
        return this;
    }

    @FXML
    private void testConnection() {
        viewModel.testConnection();
    }

    @FXML
    private void openDataFolder() {
        viewModel.openDataFolder();
    }

    @FXML
    private void openLogsFolder() {
        viewModel.openLogsFolder();
    }

    public void showDialog(Window owner) {
        showDialog(owner, () -> { });
    }

    /** @param closed runs when the dialog has gone, saved or not */
    public void showDialog(Window owner, Runnable closed) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setOnHidden(e -> closed.run());
        Dialogs.owned(dialog, owner);
        dialog.setTitle(messages.get("settings.title"));
        dialog.setResultConverter(b -> null);
        ButtonType save = new ButtonType(messages.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(node);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(viewModel.savingProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.save(dialog::close);
        });
        viewModel.load();
        dialog.show();
    }
}
