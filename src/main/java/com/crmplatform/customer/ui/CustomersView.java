package com.crmplatform.customer.ui;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerSort;
import com.crmplatform.ui.Formats;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.Pager;
import com.crmplatform.ui.Screen;
import com.crmplatform.ui.Tables;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The customers screen: binds the table, search, pager and detail pane to the view-model. */
public final class CustomersView implements Screen {

    /** Below this window width the details pane starts folded away. */
    private static final double NARROW = 1200;
    private boolean detailsChosen;
    private boolean followingWindow;

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
    private StackPane detailHolder;
    @FXML
    private javafx.scene.control.SplitPane split;
    @FXML
    private javafx.scene.control.ScrollPane detailScroll;
    @FXML
    private javafx.scene.control.ToggleButton detailsToggle;
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

    /** On a wide window the details get about 420 px (placed when the window was small, they would keep less). */
    private void roomForDetails() {
        double width = split.getWidth();
        if (split.getItems().contains(detailScroll) && width > 1100 && detailScroll.getWidth() < DETAILS - 40) {
            split.setDividerPositions(1 - DETAILS / width);
        }
    }

    private static final double DETAILS = 420;

    @FXML
    private void initialize() {
        Tables.fitOrScroll(table);
        // The details pane folds away (the toggle, or by itself on a narrow window) so the columns keep their room.
        detailsToggle.selectedProperty().addListener((o, was, shown) -> {
            if (shown && !split.getItems().contains(detailScroll)) {
                split.getItems().add(detailScroll);
                split.setDividerPositions(0.7);
                javafx.application.Platform.runLater(this::roomForDetails);
            } else if (!shown) {
                split.getItems().remove(detailScroll);
            }
        });
        // After the split's own layout, which keeps the details' width in pixels as the window grows.
        split.widthProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::roomForDetails));
        // Until the user picks, the pane follows the window: shown when wide, folded when narrow.
        detailsToggle.setOnAction(e -> detailsChosen = true);
        split.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && scene.getWindow() != null && !followingWindow) {
                followingWindow = true; // once: the screen is shown again and again in the same window
                scene.getWindow().widthProperty().addListener((w, before, now) -> {
                    if (!detailsChosen && now.doubleValue() > 0) {
                        detailsToggle.setSelected(now.doubleValue() >= NARROW);
                    }
                });
                if (!detailsChosen && scene.getWindow().getWidth() > 0) {
                    detailsToggle.setSelected(scene.getWindow().getWidth() >= NARROW);
                }
            }
        });
        Tables.column(nameColumn, Customer::name);
        Tables.longText(emailColumn, Customer::email);
        Tables.column(phoneColumn, Customer::phone);
        Tables.column(cityColumn, Customer::city);
        Tables.column(spendColumn, c -> Formats.money(c.totalSpend()));
        Tables.column(visitsColumn, Customer::visits);
        Tables.column(lastColumn, c -> Formats.date(c.lastPurchaseDate()));
        Tables.sortInTheStore(table, Map.of(nameColumn, CustomerSort.NAME, emailColumn, CustomerSort.EMAIL, spendColumn,
                CustomerSort.TOTAL_SPEND, visitsColumn, CustomerSort.VISITS, lastColumn, CustomerSort.LAST_PURCHASE),
                nameColumn, viewModel::sortBy);
        table.setItems(viewModel.page().rows());
        Tables.followSelection(table, viewModel.selectedProperty()::set, viewModel.selectedProperty()::get, Customer::id);
        Tables.pageKeys(table, viewModel.page());
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> { // Enter opens the row
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                e.consume();
                viewModel.editSelected();
            }
        });
        Tables.onOpen(table, viewModel::editSelected);
        Tables.searchField(searchField, table, Duration.millis(200), viewModel::search);
        emptyState.visibleProperty().bind(viewModel.emptyStoreProperty());
        table.visibleProperty().bind(viewModel.emptyStoreProperty().not());
        countLabel.textProperty().bind(viewModel.countText());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty().or(viewModel.page().loadingProperty()));
        Pager.bind(viewModel.page(), firstButton, previousButton, nextButton, lastButton);
        detailHolder.getChildren().add(new CustomerDetailPane(viewModel, messages).node());
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
}
