package com.crmplatform.customer.ui;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerField;
import com.crmplatform.ui.FieldErrors;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/** The customer form in a dialog: Save (Enter or Ctrl+S) keeps it open until the save succeeds. */
public final class CustomerFormView {

    @FXML
    private TextField name;
    @FXML
    private TextField email;
    @FXML
    private TextField phone;
    @FXML
    private TextField city;
    @FXML
    private TextField totalSpend;
    @FXML
    private TextField visits;
    @FXML
    private DatePicker lastPurchase;
    @FXML
    private Label nameError;
    @FXML
    private Label emailError;
    @FXML
    private Label phoneError;
    @FXML
    private Label totalSpendError;
    @FXML
    private Label visitsError;
    @FXML
    private Label lastPurchaseError;
    @FXML
    private Label formError;
    @FXML
    private Button reloadButton;
    @FXML
    private ProgressIndicator savingIndicator;

    private final CustomerFormViewModel viewModel;
    private final Messages messages;
    private final Parent node;

    public CustomerFormView(CustomerFormViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        phone.textProperty().bindBidirectional(viewModel.phoneProperty());
        city.textProperty().bindBidirectional(viewModel.cityProperty());
        totalSpend.textProperty().bindBidirectional(viewModel.totalSpendProperty());
        visits.textProperty().bindBidirectional(viewModel.visitsProperty());
        lastPurchase.valueProperty().bindBidirectional(viewModel.lastPurchaseDateProperty());
        com.crmplatform.ui.DateFields.install(lastPurchase, viewModel.lastPurchaseTextProperty());
        Map<CustomerField, Label> labels = Map.of(CustomerField.NAME, nameError, CustomerField.EMAIL, emailError,
                CustomerField.PHONE, phoneError, CustomerField.TOTAL_SPEND, totalSpendError, CustomerField.VISITS,
                visitsError, CustomerField.LAST_PURCHASE_DATE, lastPurchaseError);
        Map<CustomerField, Control> fields = Map.of(CustomerField.NAME, name, CustomerField.EMAIL, email,
                CustomerField.PHONE, phone, CustomerField.TOTAL_SPEND, totalSpend, CustomerField.VISITS, visits,
                CustomerField.LAST_PURCHASE_DATE, lastPurchase);
        FieldErrors.bind(viewModel.errors(), labels, fields, name);
        formError.textProperty().bind(viewModel.formErrorProperty());
        formError.visibleProperty().bind(viewModel.formErrorProperty().isNotEmpty());
        formError.managedProperty().bind(formError.visibleProperty());
        reloadButton.visibleProperty().bind(viewModel.formErrorProperty().isNotEmpty().and(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> !viewModel.isNew())));
        reloadButton.managedProperty().bind(reloadButton.visibleProperty());
        savingIndicator.visibleProperty().bind(viewModel.savingProperty());
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    /** Shows the form as a dialog; {@code onSaved} gets the stored customer after a successful save. */
    public void showDialog(Window owner, java.util.function.Consumer<Customer> onSaved) {
        Dialog<Customer> dialog = new Dialog<>();
        com.crmplatform.ui.Dialogs.owned(dialog, owner);
        dialog.setTitle(messages.get(viewModel.isNew() ? "customer.form.newTitle" : "customer.form.editTitle"));
        dialog.setHeaderText(null);
        dialog.setResultConverter(button -> null); // a save sets the result itself
        ButtonType save = new ButtonType(messages.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(node);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(viewModel.savingProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the save succeeded
            viewModel.save(saved -> {
                dialog.setResult(saved);
                dialog.close();
                onSaved.accept(saved);
            });
        });
        dialog.getDialogPane().getScene().getAccelerators()
                .put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), saveButton::fire);
        dialog.setOnShown(e -> name.requestFocus());
        dialog.show();
    }

    Node node() {
        return node;
    }
}
