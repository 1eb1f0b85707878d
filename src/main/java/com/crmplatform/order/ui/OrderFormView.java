package com.crmplatform.order.ui;

import com.crmplatform.customer.CustomerService;
import com.crmplatform.customer.ui.CustomerPicker;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderField;
import com.crmplatform.ui.FieldErrors;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/** The new-order form in a dialog. */
public final class OrderFormView {

    @FXML
    private TextField customerField;
    @FXML
    private TextField amountField;
    @FXML
    private DatePicker datePicker;
    @FXML
    private TextField itemsField;
    @FXML
    private Label customerError;
    @FXML
    private Label amountError;
    @FXML
    private Label dateError;
    @FXML
    private Label itemsError;
    @FXML
    private Label formError;

    private final OrderFormViewModel viewModel;
    private final Messages messages;
    private final CustomerService customers;
    private final UiExecutor executor;
    private final Parent node;

    public OrderFormView(OrderFormViewModel viewModel, Messages messages, CustomerService customers, UiExecutor executor) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.customers = customers;
        this.executor = executor;
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        CustomerPicker picker = new CustomerPicker(customerField, customers, executor);
        if (viewModel.customerProperty().get() != null) {
            picker.choose(viewModel.customerProperty().get());
        }
        picker.customerProperty().addListener((o, a, c) -> viewModel.customerProperty().set(c));
        amountField.textProperty().bindBidirectional(viewModel.amountProperty());
        datePicker.valueProperty().bindBidirectional(viewModel.orderDateProperty());
        com.crmplatform.ui.DateFields.install(datePicker, viewModel.orderDateTextProperty());
        itemsField.textProperty().bindBidirectional(viewModel.itemsProperty());
        Map<OrderField, Label> labels = Map.of(OrderField.CUSTOMER, customerError, OrderField.AMOUNT, amountError,
                OrderField.ORDER_DATE, dateError, OrderField.ITEMS, itemsError);
        Map<OrderField, Control> fields = Map.of(OrderField.CUSTOMER, customerField, OrderField.AMOUNT, amountField,
                OrderField.ORDER_DATE, datePicker, OrderField.ITEMS, itemsField);
        FieldErrors.bind(viewModel.errors(), labels, fields, amountField);
        formError.textProperty().bind(viewModel.formErrorProperty());
        formError.visibleProperty().bind(viewModel.formErrorProperty().isNotEmpty());
        formError.managedProperty().bind(formError.visibleProperty());
    }

    public void showDialog(Window owner, Runnable onSaved) {
        Dialog<Order> dialog = new Dialog<>();
        com.crmplatform.ui.Dialogs.owned(dialog, owner);
        dialog.setTitle(messages.get("order.form.title"));
        dialog.setResultConverter(button -> null);
        ButtonType save = new ButtonType(messages.get("order.form.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(node);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(viewModel.savingProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.save(order -> {
                dialog.setResult(order);
                dialog.close();
                onSaved.run();
            });
        });
        dialog.getDialogPane().getScene().getAccelerators()
                .put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), saveButton::fire);
        dialog.setOnShown(e -> (viewModel.customerProperty().get() == null ? customerField : amountField).requestFocus());
        dialog.show();
    }
}
