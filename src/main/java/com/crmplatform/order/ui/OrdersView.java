package com.crmplatform.order.ui;

import com.crmplatform.customer.CustomerService;
import com.crmplatform.customer.ui.CustomerPicker;
import com.crmplatform.order.LineItems;
import com.crmplatform.order.Order;
import com.crmplatform.ui.Formats;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.Pager;
import com.crmplatform.ui.Screen;
import com.crmplatform.ui.Tables;
import com.crmplatform.ui.UiExecutor;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The orders screen. */
public final class OrdersView implements Screen {

    @FXML
    private TextField customerFilter;
    @FXML
    private DatePicker fromPicker;
    @FXML
    private javafx.scene.layout.FlowPane toolbar;
    @FXML
    private DatePicker toPicker;
    @FXML
    private TableView<Order> table;
    @FXML
    private TableColumn<Order, String> dateColumn;
    @FXML
    private TableColumn<Order, String> customerColumn;
    @FXML
    private TableColumn<Order, String> emailColumn;
    @FXML
    private TableColumn<Order, String> amountColumn;
    @FXML
    private TableColumn<Order, String> itemsColumn;
    @FXML
    private TableColumn<Order, String> statusColumn;
    @FXML
    private Button cancelOrderButton;
    @FXML
    private Label countLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private Button firstButton;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;
    @FXML
    private Button lastButton;

    private final OrdersViewModel viewModel;
    private final Messages messages;
    private final CustomerService customers;
    private final UiExecutor executor;
    private final Node node;
    private boolean started;

    public OrdersView(OrdersViewModel viewModel, Messages messages, CustomerService customers, UiExecutor executor) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.customers = customers;
        this.executor = executor;
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        Tables.fitOrScroll(table);
        if (table.getPlaceholder() instanceof Label none) { // no orders at all is not "no orders match"
            none.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> messages.get(
                    viewModel.customerProperty().get() == null && viewModel.fromProperty().get() == null
                            && viewModel.toProperty().get() == null ? "order.none.yet" : "order.none"),
                    viewModel.customerProperty(), viewModel.fromProperty(), viewModel.toProperty()));
        }
        new CustomerPicker(customerFilter, customers, executor).follow(viewModel.customerProperty());
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        com.crmplatform.ui.DateFields.install(fromPicker, viewModel.fromTextProperty());
        // The toolbar wraps at the screen's width (a FlowPane would otherwise wrap at its default 400 px).
        toolbar.prefWrapLengthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(300, toolbar.getWidth() - 24), toolbar.widthProperty()));
        com.crmplatform.ui.DateFields.install(toPicker, viewModel.toTextProperty());
        Tables.column(dateColumn, o -> Formats.date(o.orderDate()));
        Tables.column(customerColumn, Order::customerName);
        Tables.longText(emailColumn, Order::customerEmail);
        Tables.column(amountColumn, o -> Formats.money(o.amount()));
        Tables.longText(itemsColumn, o -> LineItems.format(o.items()));
        Tables.column(statusColumn, viewModel::status);
        Tables.markRows(table, o -> !o.isActive(), "cancelled");
        dateColumn.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING); // newest first, as listed
        com.crmplatform.ui.Tables.sortInTheStore(table, java.util.Map.of(dateColumn, com.crmplatform.order.OrderSort.DATE,
                amountColumn, com.crmplatform.order.OrderSort.AMOUNT, customerColumn, com.crmplatform.order.OrderSort.CUSTOMER),
                dateColumn, viewModel::sortBy);
        table.setItems(viewModel.page().rows());
        com.crmplatform.ui.Tables.pageKeys(table, viewModel.page());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> viewModel.selectedProperty().set(s));
        cancelOrderButton.disableProperty().bind(viewModel.canCancel().not());
        countLabel.textProperty().bind(viewModel.countText());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        Pager.bind(viewModel.page(), firstButton, previousButton, nextButton, lastButton);
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public String titleKey() {
        return "nav.orders";
    }

    @Override
    public void shown() {
        if (!started) {
            started = true;
            viewModel.reload();
        } else {
            viewModel.refresh();
        }
    }

    @Override
    public Map<KeyCombination, Runnable> shortcuts() {
        return Map.of(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), viewModel::newOrder,
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), customerFilter::requestFocus,
                new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), viewModel::importCsv,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), viewModel::exportCsv,
                new KeyCodeCombination(KeyCode.F5), viewModel::refresh,
                new KeyCodeCombination(KeyCode.DELETE), viewModel::cancelSelected);
    }

    @FXML
    private void newOrder() {
        viewModel.newOrder();
    }

    @FXML
    private void cancelOrder() {
        viewModel.cancelSelected();
    }

    @FXML
    private void importCsv() {
        viewModel.importCsv();
    }

    @FXML
    private void exportCsv() {
        viewModel.exportCsv();
    }

    @FXML
    private void clearFilters() {
        viewModel.clearFilters();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }
}
