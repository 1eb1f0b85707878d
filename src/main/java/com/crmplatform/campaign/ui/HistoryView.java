package com.crmplatform.campaign.ui;

import com.crmplatform.campaign.Campaign;
import com.crmplatform.delivery.DeliveryStatus;
import com.crmplatform.delivery.LogEntry;
import com.crmplatform.ui.Debouncer;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.OutcomeChart;
import com.crmplatform.ui.Pager;
import com.crmplatform.ui.ProgressCell;
import com.crmplatform.ui.Screen;
import com.crmplatform.ui.Tables;
import java.util.Arrays;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
    private Label historyPlaceholder;
    @FXML
    private Label chartFigures;
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
    private TableColumn<LogEntry, String> logTimeColumn;
    @FXML
    private TableColumn<LogEntry, String> logReasonColumn;
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
    private OutcomeChart outcomes;

    public HistoryView(HistoryViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.node = Fxml.load(this, messages);
        node.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                viewModel.live(false); // not shown: no polling
            }
        });
    }

    @FXML
    private void initialize() {
        Tables.fitOrScroll(table);
        Tables.fitOrScroll(logTable);
        Tables.column(nameColumn, Campaign::name);
        Tables.column(createdColumn, viewModel::created);
        Tables.column(audienceColumn, c -> String.format("%,d", c.audienceSize()));
        Tables.column(sentColumn, c -> String.format("%,d", c.sent()));
        Tables.column(failedColumn, c -> String.format("%,d", c.failed()));
        Tables.column(pendingColumn, c -> String.format("%,d", c.pending()));
        Tables.column(statusColumn, viewModel::status);
        ProgressCell.install(progressColumn, HistoryViewModel::progress, c -> c.failed() > 0);
        historyPlaceholder.visibleProperty().bind(viewModel.loadedProperty());
        campaignMessage.visibleProperty().bind(campaignMessage.textProperty().isNotEmpty()); // no empty pill
        campaignMessage.managedProperty().bind(campaignMessage.visibleProperty());
        table.setItems(viewModel.rows());
        Tables.followSelection(table, viewModel.selectedProperty()::set, viewModel.selectedProperty()::get, Campaign::id);
        viewModel.selectedProperty().addListener((o, a, c) -> showCampaign(c));
        statusFilter.getItems().add(null);
        statusFilter.getItems().addAll(Arrays.asList(DeliveryStatus.values()));
        statusFilter.setButtonCell(Tables.textCells(viewModel::filterName, s -> false).call(null));
        statusFilter.setCellFactory(Tables.textCells(viewModel::filterName, s -> false));
        statusFilter.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        Debouncer debounce = Debouncer.fx(Duration.millis(250));
        logSearch.textProperty().addListener((o, a, b) -> debounce.trigger(() -> viewModel.searchProperty().set(logSearch.getText())));
        Tables.column(logCustomerColumn, LogEntry::customerName);
        Tables.longText(logEmailColumn, LogEntry::customerEmail);
        Tables.column(logStatusColumn, viewModel::status);
        Tables.column(logMessageColumn, e -> e.subject().isEmpty() ? e.message() : e.subject() + " — " + e.message());
        Tables.longText(logReasonColumn, LogEntry::reason);
        Tables.column(logTimeColumn, e -> com.crmplatform.ui.Formats.dateTime(e.updatedAt()) + (e.attempt() > 1
                ? " · " + messages.get("history.log.attempt", e.attempt()) : ""));
        logTable.setItems(viewModel.entries().rows());
        Pager.bind(viewModel.entries(), firstButton, previousButton, nextButton, lastButton);
        messageLabel.textProperty().bind(viewModel.messageProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        outcomes = new OutcomeChart(chart, List.of(messages.get("history.chart.sent"), messages.get("history.chart.failed"),
                messages.get("history.chart.pending")));
        showCampaign(null);
    }

    private void showCampaign(Campaign c) {
        if (logTable.getPlaceholder() instanceof Label none) {
            none.setText(messages.get(c == null ? "history.log.select" : "history.log.none"));
        }
        HistoryViewModel.Page p = viewModel.pageOf(c);
        campaignTitle.setText(p.title());
        campaignRule.setText(p.rule());
        campaignMessage.setText(p.message());
        sendAgainButton.setDisable(!p.canSendAgain());
        if (c == null) {
            outcomes.show();
            chartFigures.setText("");
        } else {
            outcomes.show(p.sent(), p.failed(), p.pending());
            // The figures in words beside the chart's colours (green sent, red failed, grey pending).
            chartFigures.setText(messages.get("history.chart.figures", p.sent(), p.failed(), p.pending()));
        }
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
        viewModel.live(true);
    }

    @FXML
    private void sendAgain() {
        viewModel.sendAgainToFailed();
    }
}
