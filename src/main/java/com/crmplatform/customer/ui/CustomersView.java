package com.crmplatform.customer.ui;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerSort;
import com.crmplatform.order.Order;
import com.crmplatform.store.SortDirection;
import com.crmplatform.ui.Formats;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.Pager;
import com.crmplatform.ui.Screen;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The customers screen: binds the table, search, pager and detail pane to the view-model. */
public final class CustomersView implements Screen {

    @FXML
    private TextField searchField;
    @FXML
    private TableView<Customer> table;
    @FXML
    private TableColumn<Customer, String> nameColumn;
    @FXML
    private TableColumn<Customer, String> emailColumn;
    @FXML
    private TableColumn<Customer, String> phoneColumn;
    @FXML
    private TableColumn<Customer, String> cityColumn;
    @FXML
    private TableColumn<Customer, String> spendColumn;
    @FXML
    private TableColumn<Customer, Number> visitsColumn;
    @FXML
    private TableColumn<Customer, String> lastColumn;
    @FXML
    private VBox emptyState;
    @FXML
    private VBox detail;
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
    private Label ordersHeading;
    @FXML
    private ListView<Order> ordersList;
    @FXML
    private Label countLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button firstButton;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;
    @FXML
    private Button lastButton;

    private final CustomersViewModel viewModel;
    private final Messages messages;
    private final Node node;
    private boolean started;

    public CustomersView(CustomersViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        emailColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().email()));
        phoneColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().phone()));
        cityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().city()));
        spendColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Formats.money(c.getValue().totalSpend())));
        visitsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().visits()));
        lastColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Formats.date(c.getValue().lastPurchaseDate())));
        Map<TableColumn<Customer, ?>, CustomerSort> sorts = Map.of(nameColumn, CustomerSort.NAME, emailColumn,
                CustomerSort.EMAIL, spendColumn, CustomerSort.TOTAL_SPEND, visitsColumn, CustomerSort.VISITS,
                lastColumn, CustomerSort.LAST_PURCHASE);
        // The database sorts (on an index); the table only shows which column is sorted.
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<Customer, ?> col = t.getSortOrder().get(0);
                viewModel.sortBy(sorts.get(col), col.getSortType() == TableColumn.SortType.ASCENDING
                        ? SortDirection.ASCENDING : SortDirection.DESCENDING);
            }
            return true;
        });
        table.getSortOrder().add(nameColumn);
        table.setItems(viewModel.page().rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                viewModel.selectedProperty().set(c);
            }
        });
        // A reloaded page keeps the selected customer selected.
        viewModel.page().rows().addListener((javafx.collections.ListChangeListener<Customer>) change -> {
            Customer s = viewModel.selectedProperty().get();
            if (s != null) {
                viewModel.page().rows().stream().filter(c -> c.id().equals(s.id())).findFirst()
                        .ifPresent(c -> table.getSelectionModel().select(c));
            }
        });
        table.setRowFactory(t -> {
            TableRow<Customer> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.editSelected();
                }
            });
            return row;
        });
        PauseTransition debounce = new PauseTransition(Duration.millis(200));
        debounce.setOnFinished(e -> viewModel.search(searchField.getText()));
        searchField.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
            }
        });
        emptyState.visibleProperty().bind(viewModel.emptyStoreProperty());
        table.visibleProperty().bind(viewModel.emptyStoreProperty().not());
        countLabel.textProperty().bind(viewModel.countText());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty().or(viewModel.page().loadingProperty()));
        Pager.bind(viewModel.page(), firstButton, previousButton, nextButton, lastButton);
        viewModel.selectedProperty().addListener((o, a, c) -> showDetail(c));
        ordersList.setItems(viewModel.selectedOrders());
        ordersList.setCellFactory(l -> new OrderCell());
        viewModel.selectedOrders().addListener((javafx.collections.ListChangeListener<Order>) c ->
                ordersHeading.setText(messages.get("customer.orders.heading", viewModel.selectedOrders().size())));
        showDetail(null);
    }

    private void showDetail(Customer c) {
        detail.setDisable(c == null);
        detailName.setText(c == null ? messages.get("customer.detail.none") : c.name());
        detailEmail.setText(c == null ? "" : c.email());
        detailPhone.setText(c == null ? "" : c.phone());
        detailCity.setText(c == null ? "" : c.city());
        detailSpend.setText(c == null ? "" : Formats.money(c.totalSpend()));
        detailVisits.setText(c == null ? "" : String.valueOf(c.visits()));
        detailLast.setText(c == null ? "" : Formats.date(c.lastPurchaseDate()));
        detailUpdated.setText(c == null ? "" : messages.get("customer.detail.updated",
                Formats.dateTime(c.audit().updatedAt()), c.audit().updatedBy()));
        ordersHeading.setText(messages.get("customer.orders.heading", 0));
    }

    /** One order in the detail pane: date, amount, items, and whether it was cancelled. */
    private final class OrderCell extends ListCell<Order> {
        @Override
        protected void updateItem(Order o, boolean empty) {
            super.updateItem(o, empty);
            if (empty || o == null) {
                setText(null);
                return;
            }
            String items = o.items().isEmpty() ? "" : " · " + com.crmplatform.order.LineItems.format(o.items());
            setText(Formats.date(o.orderDate()) + "   " + Formats.money(o.amount()) + items
                    + (o.isActive() ? "" : "   " + messages.get("order.status.cancelled")));
            getStyleClass().removeAll("cancelled");
            if (!o.isActive()) {
                getStyleClass().add("cancelled");
            }
        }
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public String titleKey() {
        return "nav.customers";
    }

    @Override
    public void shown() {
        if (!started) {
            started = true;
            viewModel.start();
        } else {
            viewModel.refresh();
        }
    }

    @Override
    public Map<KeyCombination, Runnable> shortcuts() {
        return Map.of(
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), viewModel::newCustomer,
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                    searchField.requestFocus();
                    searchField.selectAll();
                },
                new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), viewModel::importCsv,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), viewModel::exportCsv,
                new KeyCodeCombination(KeyCode.F5), viewModel::refresh,
                new KeyCodeCombination(KeyCode.DELETE), viewModel::deleteSelected,
                new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), () -> viewModel.page().next(),
                new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), () -> viewModel.page().previous());
    }

    @FXML
    private void newCustomer() {
        viewModel.newCustomer();
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
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void loadDemo() {
        viewModel.loadDemoData();
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
    private void delete() {
        viewModel.deleteSelected();
    }
}
