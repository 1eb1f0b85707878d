package com.crmplatform.campaign.ui;

import com.crmplatform.campaign.Campaign;
import com.crmplatform.delivery.DeliveryStatus;
import com.crmplatform.delivery.LogEntry;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.ui.Formats;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.Pager;
import com.crmplatform.ui.Screen;
import java.util.Arrays;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.Duration;

/** Campaign history: the campaigns with live figures, and the selected campaign's page. */
public final class HistoryView implements Screen {

    @FXML
    private TableView<Campaign> table;
    @FXML
    private TableColumn<Campaign, String> nameColumn;
    @FXML
    private TableColumn<Campaign, String> createdColumn;
    @FXML
    private TableColumn<Campaign, String> audienceColumn;
    @FXML
    private TableColumn<Campaign, String> sentColumn;
    @FXML
    private TableColumn<Campaign, String> failedColumn;
    @FXML
    private TableColumn<Campaign, String> pendingColumn;
    @FXML
    private TableColumn<Campaign, String> statusColumn;
    @FXML
    private TableColumn<Campaign, Campaign> progressColumn;
    @FXML
    private Label campaignTitle;
    @FXML
    private Label campaignRule;
    @FXML
    private Label campaignMessage;
    @FXML
    private PieChart chart;
    @FXML
    private Label summaryLabel;
    @FXML
    private Button sendAgainButton;
    @FXML
    private ComboBox<DeliveryStatus> statusFilter;
    @FXML
    private TextField logSearch;
    @FXML
    private TableView<LogEntry> logTable;
    @FXML
    private TableColumn<LogEntry, String> logCustomerColumn;
    @FXML
    private TableColumn<LogEntry, String> logEmailColumn;
    @FXML
    private TableColumn<LogEntry, String> logStatusColumn;
    @FXML
    private TableColumn<LogEntry, String> logMessageColumn;
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

    private final HistoryViewModel viewModel;
    private final Messages messages;
    private final Node node;
    private final Timeline live = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));

    public HistoryView(HistoryViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.node = Fxml.load(this, messages);
        live.setCycleCount(Timeline.INDEFINITE);
        node.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                live.stop(); // not shown: no polling
            }
        });
    }

    @FXML
    private void initialize() {
        text(nameColumn, Campaign::name);
        text(createdColumn, c -> Formats.dateTime(c.audit().createdAt()) + " · " + c.audit().createdBy());
        text(audienceColumn, c -> String.format("%,d", c.audienceSize()));
        text(sentColumn, c -> String.format("%,d", c.sent()));
        text(failedColumn, c -> String.format("%,d", c.failed()));
        text(pendingColumn, c -> String.format("%,d", c.pending()));
        text(statusColumn, c -> messages.get("campaign.status." + c.status().name()));
        progressColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progressColumn.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Campaign c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(c.audienceSize() == 0 ? 1 : (double) (c.sent() + c.failed()) / c.audienceSize());
                bar.setMaxWidth(Double.MAX_VALUE);
                setGraphic(bar);
            }
        });
        table.setItems(viewModel.rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                viewModel.selectedProperty().set(c);
            }
        });
        viewModel.rows().addListener((javafx.collections.ListChangeListener<Campaign>) ch -> {
            Campaign s = viewModel.selectedProperty().get();
            if (s != null) {
                viewModel.rows().stream().filter(c -> c.id().equals(s.id())).findFirst()
                        .ifPresent(c -> table.getSelectionModel().select(c));
            }
        });
        viewModel.selectedProperty().addListener((o, a, c) -> showCampaign(c));
        statusFilter.getItems().add(null);
        statusFilter.getItems().addAll(Arrays.asList(DeliveryStatus.values()));
        ListCell<DeliveryStatus> button = statusCell();
        statusFilter.setButtonCell(button);
        statusFilter.setCellFactory(l -> statusCell());
        statusFilter.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> viewModel.searchProperty().set(logSearch.getText()));
        logSearch.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        textLog(logCustomerColumn, LogEntry::customerName);
        textLog(logEmailColumn, LogEntry::customerEmail);
        textLog(logStatusColumn, e -> messages.get("delivery.status." + e.status().name()));
        textLog(logMessageColumn, LogEntry::message);
        logTable.setItems(viewModel.entries().rows());
        Pager.bind(viewModel.entries(), firstButton, previousButton, nextButton, lastButton);
        messageLabel.textProperty().bind(viewModel.messageProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        showCampaign(null);
    }

    private ListCell<DeliveryStatus> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(DeliveryStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s == null ? messages.get("history.log.all") : messages.get("delivery.status." + s.name()));
            }
        };
    }

    private void showCampaign(Campaign c) {
        campaignTitle.setText(c == null ? messages.get("history.selectOne") : c.name());
        campaignRule.setText(c == null ? "" : messages.get("history.rule", RuleEnglish.describe(c.rule())));
        campaignMessage.setText(c == null ? "" : "“" + c.message() + "”");
        sendAgainButton.setDisable(c == null || c.failed() == 0);
        if (c == null) {
            chart.getData().clear();
            return;
        }
        long[] values = {c.sent(), c.failed(), c.pending()};
        String[] keys = {"history.chart.sent", "history.chart.failed", "history.chart.pending"};
        if (chart.getData().size() != 3) {
            chart.getData().clear();
            for (int i = 0; i < 3; i++) {
                chart.getData().add(new PieChart.Data(messages.get(keys[i]), values[i]));
            }
        } else {
            for (int i = 0; i < 3; i++) {
                chart.getData().get(i).setPieValue(values[i]);
            }
        }
    }

    private void tick() {
        if (viewModel.anyRunning()) {
            viewModel.refresh();
        }
    }

    private static void text(TableColumn<Campaign, String> col, Function<Campaign, String> f) {
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(f.apply(c.getValue())));
    }

    private static void textLog(TableColumn<LogEntry, String> col, Function<LogEntry, String> f) {
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(f.apply(c.getValue())));
    }

    /** Shows a campaign just launched, selected. */
    public void show(Campaign c) {
        viewModel.show(c);
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public String titleKey() {
        return "nav.history";
    }

    @Override
    public void shown() {
        viewModel.refresh();
        live.play();
    }

    @FXML
    private void sendAgain() {
        viewModel.sendAgainToFailed();
    }
}
