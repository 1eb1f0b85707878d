package com.crmplatform.campaign.ui;

import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.MessageTemplate;
import com.crmplatform.customer.Customer;
import com.crmplatform.delivery.Channel;
import com.crmplatform.segment.SavedSegment;
import com.crmplatform.segment.ui.RuleTreePane;
import com.crmplatform.ui.Fxml;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.Screen;
import com.crmplatform.ui.Tables;
import com.crmplatform.ui.TextInserts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The campaign builder screen. */
public final class CampaignBuilderView implements Screen {

    @FXML
    private TextField describeField;
    @FXML
    private Button describeButton;
    @FXML
    private Label describeNote;
    @FXML
    private ComboBox<SavedSegment> savedSegments;
    @FXML
    private TextField segmentName;
    @FXML
    private VBox ruleContainer;
    @FXML
    private Label audienceLabel;
    @FXML
    private ProgressIndicator countingIndicator;
    @FXML
    private Label ruleTextLabel;
    @FXML
    private Label countSourceLabel;
    @FXML
    private Label leftOutLabel;
    @FXML
    private ListView<Customer> sampleList;
    @FXML
    private TextField campaignName;
    @FXML
    private HBox chips;
    @FXML
    private TextArea messageArea;
    @FXML
    private Label previewLabel;
    @FXML
    private Label problemLabel;
    @FXML
    private Label nameError;
    @FXML
    private Label channelLabel;
    @FXML
    private ChoiceBox<Channel> channelChoice;
    @FXML
    private TextField subjectField;
    @FXML
    private Label subjectLabel;
    @FXML
    private Label lengthLabel;
    @FXML
    private Button launchButton;
    @FXML
    private Button suggestButton;
    @FXML
    private Label sendTimeLabel;
    @FXML
    private Label infoLabel;

    private final CampaignBuilderViewModel viewModel;
    private final Messages messages;
    private final Consumer<Campaign> onLaunched;
    private final Node node;
    private boolean started;

    public CampaignBuilderView(CampaignBuilderViewModel viewModel, Messages messages, Consumer<Campaign> onLaunched) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.onLaunched = onLaunched;
        this.node = Fxml.load(this, messages);
    }

    @FXML
    private void initialize() {
        RuleTreePane tree = new RuleTreePane(messages, new RuleTreePane.Actions(viewModel.rules()::addCondition, viewModel.rules()::addGroup,
                viewModel.rules()::remove));
        List<Node> fixed = List.copyOf(ruleContainer.getChildren()); // describe row, note, heading
        Runnable draw = () -> {
            List<Node> all = new ArrayList<>(fixed);
            all.add(tree.group(viewModel.rules().rootProperty().get(), null));
            ruleContainer.getChildren().setAll(all);
        };
        draw.run();
        viewModel.rules().rootProperty().addListener((o, a, b) -> draw.run());
        describeNote.textProperty().bind(viewModel.sources().noteProperty());
        describeButton.disableProperty().bind(viewModel.sources().workingProperty());
        describeField.setOnAction(e -> describe());
        audienceLabel.textProperty().bind(viewModel.audience().sizeText());
        sendTimeLabel.textProperty().bind(viewModel.audience().sendTimeProperty());
        sendTimeLabel.visibleProperty().bind(sendTimeLabel.textProperty().isNotEmpty()); // no empty pill
        sendTimeLabel.managedProperty().bind(sendTimeLabel.visibleProperty());
        countingIndicator.visibleProperty().bind(viewModel.audience().countingProperty());
        ruleTextLabel.textProperty().bind(viewModel.audience().ruleTextProperty());
        countSourceLabel.textProperty().bind(viewModel.audience().countSourceProperty());
        leftOutLabel.textProperty().bind(viewModel.audience().leftOutText());
        leftOutLabel.visibleProperty().bind(leftOutLabel.textProperty().isNotEmpty());
        leftOutLabel.managedProperty().bind(leftOutLabel.visibleProperty());
        countSourceLabel.visibleProperty().bind(countSourceLabel.textProperty().isNotEmpty());
        countSourceLabel.managedProperty().bind(countSourceLabel.visibleProperty());
        sampleList.setItems(viewModel.audience().sample());
        sampleList.setCellFactory(Tables.textCells(viewModel.audience()::describe, c -> false));
        savedSegments.setItems(viewModel.sources().saved());
        savedSegments.setCellFactory(Tables.textCells(s -> s == null ? "" : s.name(), s -> false));
        savedSegments.setButtonCell(savedSegments.getCellFactory().call(null));
        savedSegments.valueProperty().addListener((o, a, s) -> {
            if (s != null) {
                viewModel.sources().load(s);
                segmentName.setText(s.name());
            }
        });
        campaignName.textProperty().bindBidirectional(viewModel.draft().nameProperty());
        messageArea.textProperty().bindBidirectional(viewModel.draft().messageProperty());
        TextInserts.chips(chips, messageArea, MessageTemplate.PLACEHOLDERS);
        previewLabel.textProperty().bind(viewModel.draft().preview(viewModel.audience().sample()));
        infoLabel.textProperty().bind(viewModel.infoProperty());
        nameError.textProperty().bind(viewModel.nameErrorProperty());
        nameError.visibleProperty().bind(viewModel.nameErrorProperty().isNotEmpty());
        nameError.managedProperty().bind(nameError.visibleProperty());
        channelLabel.textProperty().bind(viewModel.channelText());
        channelChoice.getItems().setAll(Channel.values());
        channelChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Channel c) {
                return c == null ? "" : messages.get("builder.channel." + c.name());
            }

            @Override
            public Channel fromString(String s) {
                return null;
            }
        });
        channelChoice.valueProperty().bindBidirectional(viewModel.draft().channelProperty());
        subjectField.textProperty().bindBidirectional(viewModel.draft().subjectProperty());
        BooleanBinding email = viewModel.draft().channelProperty()
                .isEqualTo(Channel.EMAIL);
        for (Node n : new Node[] {subjectLabel, subjectField}) {
            n.visibleProperty().bind(email);
            n.managedProperty().bind(email);
        }
        lengthLabel.textProperty().bind(viewModel.lengthText());
        launchButton.disableProperty().bind(viewModel.canLaunch().not());
        launchButton.setTooltip(new Tooltip());
        launchButton.getTooltip().textProperty().bind(viewModel.launchHintProperty());
        // Why Launch is not offered, beside it (a disabled button shows no tooltip).
        problemLabel.textProperty().bind(Bindings.when(viewModel.problemProperty().isEmpty())
                .then(viewModel.launchHintProperty()).otherwise(viewModel.problemProperty()));
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public String titleKey() {
        return "nav.campaigns";
    }

    @Override
    public void shown() {
        if (!started) {
            started = true;
            viewModel.start();
        } else {
            viewModel.recount();
        }
    }

    @Override
    public Map<KeyCombination, Runnable> shortcuts() {
        return Map.of(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::launch,
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveSegment);
    }

    @FXML
    private void launch() {
        viewModel.launch(onLaunched);
    }

    @FXML
    private void suggest() {
        viewModel.suggestMessages(options -> TextInserts.offer(suggestButton, options, viewModel.draft().messageProperty()::set));
    }

    @FXML
    private void lookalikes() {
        viewModel.sources().findLookalikes();
    }

    @FXML
    private void describe() {
        viewModel.sources().describe(describeField.getText());
    }

    @FXML
    private void saveSegment() {
        viewModel.sources().save(segmentName.getText());
    }
}
