package com.crmplatform.ui;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;

/** The sign-in screen. */
public final class SignInView {

    @FXML
    private Button signInButton;
    @FXML
    private Label status;
    @FXML
    private HBox linkRow;
    @FXML
    private TextField link;
    @FXML
    private Button cancelButton;

    private final SignInViewModel viewModel;
    private final Parent node;

    public SignInView(SignInViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        status.textProperty().bind(viewModel.statusProperty());
        link.textProperty().bind(viewModel.linkProperty());
        linkRow.visibleProperty().bind(viewModel.linkProperty().isNotEmpty().and(viewModel.waitingProperty()));
        signInButton.disableProperty().bind(viewModel.waitingProperty());
        cancelButton.visibleProperty().bind(viewModel.waitingProperty());
    }

    public Parent node() {
        return node;
    }

    @FXML
    private void signIn() {
        viewModel.start();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void copy() {
        ClipboardContent c = new ClipboardContent();
        c.putString(link.getText());
        Clipboard.getSystemClipboard().setContent(c);
    }
}
