package com.crmplatform.campaign.ui;

import com.crmplatform.ai.RuleGenerator;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.campaign.MessageTemplate;
import com.crmplatform.customer.Customer;
import com.crmplatform.segment.SegmentService;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.segment.SavedSegment;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.segment.ui.RuleEditor;
import com.crmplatform.segment.ui.RuleEditor.ConditionNode;
import com.crmplatform.segment.ui.RuleEditor.GroupNode;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Ids;
import com.crmplatform.ui.Debouncer;
import com.crmplatform.ui.DialogService;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The campaign builder: a rule tree being edited, its live audience size and sample (counted in
 * the background after the user pauses, older counts cancelled), the message with a preview, named
 * segments, and launching.
 */
public final class CampaignBuilderViewModel {

    static final int SAMPLE = 5;

    private final SegmentService segments;
    private final CampaignService campaigns;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final Debouncer debouncer;
    private final Clock clock;
    private final String user;
    private final ObjectProperty<GroupNode> root = new SimpleObjectProperty<>();
    private final LongProperty audienceSize = new SimpleLongProperty(-1);
    private final BooleanProperty counting = new SimpleBooleanProperty();
    private final StringProperty ruleText = new SimpleStringProperty("");
    private final ObservableList<Customer> sample = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("Hi {firstName}, here's 10% off on your next order!");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final ObservableList<SavedSegment> savedSegments = FXCollections.observableArrayList();
    private final BooleanProperty launching = new SimpleBooleanProperty();
    private final StringProperty describeNote = new SimpleStringProperty("");
    private final BooleanProperty describing = new SimpleBooleanProperty();
    private final RuleGenerator generator;
    private com.crmplatform.ai.CampaignAssistant assistant;
    private UiExecutor.Handle pendingCount;
    private int countsStarted;

    public CampaignBuilderViewModel(SegmentService segments, CampaignService campaigns,
                                    UiExecutor executor, DialogService dialogs, Messages messages, Debouncer debouncer,
                                    Clock clock, String user, RuleGenerator generator) {
        this.generator = generator;
        this.segments = segments;
        this.campaigns = campaigns;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.debouncer = debouncer;
        this.clock = clock;
        this.user = user;
        GroupNode start = new GroupNode();
        ConditionNode first = new ConditionNode();
        first.valueProperty().set("10000");
        start.children().add(first);
        setRoot(start);
    }

    /** Adds message suggestions to the builder. */
    public CampaignBuilderViewModel withAssistant(com.crmplatform.ai.CampaignAssistant a) {
        this.assistant = a;
        return this;
    }

    /** Loads the named segments; called when the screen opens. */
    public void start() {
        executor.submit(segments::all, savedSegments::setAll, e -> problem.set(messages.describe(e)));
        recount();
    }

    private void setRoot(GroupNode g) {
        root.set(g);
        watch(g);
        edited();
    }

    /** Every edit anywhere in the tree asks for a new count. */
    private void watch(RuleEditor.Node node) {
        if (node instanceof GroupNode g) {
            g.logicProperty().addListener((Observable o) -> edited());
            g.children().forEach(this::watch);
            g.children().addListener((ListChangeListener<RuleEditor.Node>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(this::watch);
                }
                edited();
            });
        } else {
            ConditionNode c = (ConditionNode) node;
            for (Observable p : List.of(c.fieldProperty(), c.operatorProperty(), c.valueProperty(), c.dateProperty())) {
                p.addListener(o -> edited());
            }
        }
    }

    public void addCondition(GroupNode group) {
        group.children().add(new ConditionNode());
    }

    public void addGroup(GroupNode group) {
        GroupNode inner = new GroupNode();
        inner.logicProperty().set(group.logicProperty().get() == SegmentRule.Logic.AND ? SegmentRule.Logic.OR : SegmentRule.Logic.AND);
        inner.children().add(new ConditionNode());
        group.children().add(inner);
    }

    public void remove(GroupNode parent, RuleEditor.Node node) {
        parent.children().remove(node);
    }

    private void edited() {
        debouncer.trigger(this::recount);
    }

    /** Counts the audience of the tree as it is now, in the background; an older count is dropped. */
    public void recount() {
        if (pendingCount != null) {
            pendingCount.cancel();
        }
        if (pendingSendTime != null) {
            pendingSendTime.cancel();
        }
        Optional<SegmentRule.Group> rule = RuleEditor.toRule(root.get());
        if (rule.isEmpty()) {
            audienceSize.set(-1);
            ruleText.set(messages.get("builder.fixConditions"));
            sample.clear();
            sendTime.set("");
            counting.set(false);
            return;
        }
        SegmentRule.Group r = rule.get();
        ruleText.set(RuleEnglish.describe(r));
        counting.set(true);
        countsStarted++;
        LocalDate today = LocalDate.now(clock);
        pendingCount = executor.submit(() -> new Counted(segments.count(r, today), segments.sample(r, today, SAMPLE)),
                counted -> {
                    counting.set(false);
                    audienceSize.set(counted.size);
                    sample.setAll(counted.sample);
                }, e -> {
                    counting.set(false);
                    problem.set(messages.describe(e));
                });
        // The send-time advice reads the audience's orders: a job of its own, so the count never waits for it.
        if (sendTimeAdvisor != null) {
            pendingSendTime = executor.submit(() -> sendTimeText(r), sendTime::set, e -> sendTime.set(""));
        }
    }

    private record Counted(long size, List<Customer> sample) {
    }

    private UiExecutor.Handle pendingSendTime;

    private java.util.function.Function<SegmentRule.Group,
            com.crmplatform.ai.Assisted<com.crmplatform.ai.SendTimeAdvisor.Advice>> sendTimeAdvisor;
    private final StringProperty sendTime = new SimpleStringProperty("");

    /** Adds the best-time-to-send advice, worked out with each count. */
    public CampaignBuilderViewModel withSendTimeAdvice(
            java.util.function.Function<SegmentRule.Group, com.crmplatform.ai.Assisted<com.crmplatform.ai.SendTimeAdvisor.Advice>> advisor) {
        this.sendTimeAdvisor = advisor;
        return this;
    }

    public StringProperty sendTimeProperty() {
        return sendTime;
    }

    private String sendTimeText(SegmentRule.Group r) {
        if (sendTimeAdvisor == null) {
            return "";
        }
        var assisted = sendTimeAdvisor.apply(r);
        var a = assisted.value();
        return messages.get("builder.sendTime", a.day().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH),
                String.format("%02d:00", a.hour()), a.why()) + " " + messages.get(assisted.engine() == RuleGenerator.Engine.GROQ
                ? "builder.engine.groq" : "builder.engine.builtin");
    }

    /** Saves the current rule under a name (the same name replaces it). */
    public void saveSegment(String segmentName) {
        Optional<SegmentRule.Group> rule = RuleEditor.toRule(root.get());
        if (segmentName == null || segmentName.isBlank() || rule.isEmpty()) {
            problem.set(messages.get(rule.isEmpty() ? "builder.fixConditions" : "builder.segmentName"));
            return;
        }
        SavedSegment s = new SavedSegment(Ids.newId(), segmentName.strip(), rule.get(), Audit.created(clock.instant(), user));
        executor.submit(() -> {
            return segments.save(s);
        }, all -> {
            savedSegments.setAll(all);
            problem.set("");
            info.set(messages.get("builder.segmentSaved", s.name()));
        }, e -> problem.set(messages.describe(e)));
    }

    public void loadSegment(SavedSegment s) {
        if (s != null) {
            setRoot(RuleEditor.fromRule(s.rule()));
        }
    }

    /** Shows a generated or saved rule in the editor. */
    public void loadRule(SegmentRule.Group rule) {
        setRoot(RuleEditor.fromRule(rule));
    }

    /**
     * Turns the description into a rule (Groq, or the offline parser) in the background and puts
     * it in the editor for review; the note says which engine answered.
     */
    public void describe(String text) {
        if (text == null || text.isBlank() || describing.get()) {
            return;
        }
        describing.set(true);
        describeNote.set(messages.get("builder.describe.working"));
        executor.submit(() -> generator.generate(text, false), answer -> {
            describing.set(false);
            loadRule(answer.rule());
            describeNote.set(answer.engine() == RuleGenerator.Engine.GROQ ? messages.get("builder.describe.groq")
                    : answer.groqProblem().map(p -> messages.get("builder.describe.offlineBecause", p))
                            .orElse(messages.get("builder.describe.offline")));
        }, e -> {
            describing.set(false);
            describeNote.set(messages.describe(e));
        });
    }

    /** Three message suggestions for the current audience (and the campaign name as the goal). */
    public void suggestMessages(Consumer<List<String>> show) {
        Optional<SegmentRule.Group> rule = RuleEditor.toRule(root.get());
        if (rule.isEmpty() || assistant == null) {
            problem.set(messages.get("builder.fixConditions"));
            return;
        }
        String goal = name.get();
        problem.set("");
        info.set(messages.get("builder.suggest.working"));
        executor.submit(() -> assistant.suggestMessages(rule.get(), goal), s -> {
            info.set(s.engine() == RuleGenerator.Engine.GROQ ? messages.get("builder.suggest.groq")
                    : messages.get("builder.suggest.offline"));
            show.accept(s.value());
        }, e -> problem.set(messages.describe(e)));
    }

    private com.crmplatform.ai.LookalikeFinder lookalikes;

    public CampaignBuilderViewModel withLookalikes(com.crmplatform.ai.LookalikeFinder finder) {
        this.lookalikes = finder;
        return this;
    }

    /**
     * Finds the customers most like the current segment who are not in it, and puts a rule
     * describing them in the editor as a new segment to review.
     */
    public void findLookalikes() {
        Optional<SegmentRule.Group> rule = RuleEditor.toRule(root.get());
        if (rule.isEmpty() || lookalikes == null || describing.get()) {
            return;
        }
        describing.set(true);
        describeNote.set(messages.get("builder.lookalike.working"));
        executor.submit(() -> {
            var found = lookalikes.find(rule.get(), LocalDate.now(clock), 200);
            var worded = assistant == null ? new com.crmplatform.ai.Assisted<>(found.rule(), RuleGenerator.Engine.OFFLINE,
                    Optional.<String>empty()) : assistant.lookalikeRule(rule.get(), found);
            return new Object[] {found, worded};
        }, pair -> {
            describing.set(false);
            var found = (com.crmplatform.ai.LookalikeFinder.Lookalikes) pair[0];
            @SuppressWarnings("unchecked")
            var worded = (com.crmplatform.ai.Assisted<SegmentRule.Group>) pair[1];
            String before = RuleEnglish.describe(rule.get());
            loadRule(worded.value());
            describeNote.set(messages.get("builder.lookalike.done", found.customers().size(), before) + " "
                    + messages.get(worded.engine() == RuleGenerator.Engine.GROQ ? "builder.engine.groq" : "builder.engine.builtin"));
        }, e -> {
            describing.set(false);
            describeNote.set(messages.describe(e));
        });
    }

    public StringProperty describeNoteProperty() {
        return describeNote;
    }

    public BooleanProperty describingProperty() {
        return describing;
    }

    /** Asks for confirmation with the audience size, launches, then hands the campaign on. */
    public void launch(Consumer<Campaign> onLaunched) {
        problem.set("");
        Optional<SegmentRule.Group> rule = RuleEditor.toRule(root.get());
        if (rule.isEmpty()) {
            problem.set(messages.get("builder.fixConditions"));
            return;
        }
        if (name.get().isBlank()) {
            problem.set(messages.get("builder.nameRequired"));
            return;
        }
        try {
            MessageTemplate.check(message.get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        long size = audienceSize.get();
        if (!dialogs.confirm(messages.get("builder.launch.title"), messages.get("builder.launch.confirm", name.get().strip(),
                size < 0 ? "?" : size, RuleEnglish.describe(rule.get())), messages.get("builder.launch"))) {
            return;
        }
        launching.set(true);
        String n = name.get();
        String m = message.get();
        executor.submit(() -> campaigns.launch(n, rule.get(), m), c -> {
            launching.set(false);
            name.set("");
            onLaunched.accept(c);
        }, e -> {
            launching.set(false);
            problem.set(messages.describe(e));
        });
    }

    /** The message as the first sample customer will get it. */
    public StringBinding preview() {
        return Bindings.createStringBinding(() -> {
            if (sample.isEmpty()) {
                return messages.get("builder.preview.none");
            }
            try {
                return MessageTemplate.render(MessageTemplate.check(message.get()), sample.get(0));
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, sample, message);
    }

    public StringBinding audienceText() {
        return Bindings.createStringBinding(() -> audienceSize.get() < 0 ? "—"
                : String.format("%,d", audienceSize.get()), audienceSize);
    }

    public ObjectProperty<GroupNode> rootProperty() {
        return root;
    }

    public LongProperty audienceSizeProperty() {
        return audienceSize;
    }

    public BooleanProperty countingProperty() {
        return counting;
    }

    public StringProperty ruleTextProperty() {
        return ruleText;
    }

    public ObservableList<Customer> sample() {
        return sample;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** A passing note (not a problem): what a helper did. */
    public StringProperty infoProperty() {
        return info;
    }

    public ObservableList<SavedSegment> savedSegments() {
        return savedSegments;
    }

    public BooleanProperty launchingProperty() {
        return launching;
    }

    /** How many counts were started (for tests of the debouncing). */
    int countsStarted() {
        return countsStarted;
    }
}
