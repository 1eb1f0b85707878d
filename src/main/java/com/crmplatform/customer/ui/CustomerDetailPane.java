package com.crmplatform.customer.ui;

import com.crmplatform.customer.Customer;
import com.crmplatform.order.Order;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.Tables;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The selected customer's fields, totals and latest orders, with Edit, New order and Delete. */
public final class CustomerDetailPane {

    @FXML
    private VBox pane;
    @FXML
    private Label detailName;
    @FXML
    private Label detailEmail;
    @FXML
    private Label detailPhone;
    @FXML
    private Label detailCity;
    @FXML
    private Label detailSpend;
    @FXML
    private Label detailVisits;
    @FXML
    private Label detailLast;
    @FXML
    private Label detailUpdated;
    @FXML
    private Label detailConsent;
    @FXML
    private Button consentButton;
    @FXML
    private Label ordersHeading;
    @FXML
    private ListView<Order> ordersList;

    private final CustomersViewModel viewModel;
    private final Node node;

    private final Messages messages;

    public CustomerDetailPane(CustomersViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        viewModel.selectedProperty().addListener((o, a, c) -> show(c));
        ordersList.setItems(viewModel.selectedOrders());
        ordersList.setCellFactory(Tables.textCells(viewModel::describe, o -> !o.isActive()));
        ordersHeading.textProperty().bind(viewModel.ordersHeading());
        detailConsent.textProperty().bind(viewModel.consentTextProperty());
        consentButton.textProperty().bind(Bindings.when(viewModel.unsubscribedProperty())
                .then(messages.get("customer.consent.again")).otherwise(messages.get("customer.consent.unsubscribe")));
        show(null);
    }

    private void show(Customer c) {
        CustomersViewModel.Detail d = viewModel.detailOf(c);
        pane.setDisable(c == null);
        detailName.setText(d.name());
        detailEmail.setText(d.email());
        detailPhone.setText(d.phone());
        detailCity.setText(d.city());
        detailSpend.setText(d.spend());
        detailVisits.setText(d.visits());
        detailLast.setText(d.lastPurchase());
        detailUpdated.setText(d.updated());
    }

    public Node node() {
        return node;
    }

    @FXML
    private void edit() {
        viewModel.editSelected();
    }

    @FXML
    private void newOrder() {
        viewModel.newOrderForSelected();
    }

    @FXML
    private void toggleConsent() {
        viewModel.toggleConsent();
    }

    @FXML
    private void delete() {
        viewModel.deleteSelected();
    }
}
