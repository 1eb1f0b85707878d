package com.crmplatform.campaign.ui;

import com.crmplatform.ai.Assisted;
import com.crmplatform.ai.CampaignAssistant;
import com.crmplatform.ai.LookalikeFinder;
import com.crmplatform.ai.RuleGenerator;
import com.crmplatform.ai.SendTimeAdvisor;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.campaign.MessageTemplate;
import com.crmplatform.delivery.Channel;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.segment.SegmentService;
import com.crmplatform.ui.Debouncer;
import com.crmplatform.ui.DialogService;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The campaign builder, made of its jobs: the rule being edited ({@link #rules()}), where else a
 * rule can come from ({@link #sources()}), the audience it selects ({@link #audience()}), the
 * message ({@link #draft()}); this class launches, and holds the problems and notes they report.
 */
public final class CampaignBuilderViewModel {

    private final CampaignService campaigns;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final Debouncer debouncer;
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final BooleanProperty launching = new SimpleBooleanProperty();
    private final StringProperty nameError = new SimpleStringProperty("");
    private final AudiencePreview audience;
    private final RuleTreeModel rules;
    private final RuleSources sources;
    private final MessageDraft draft;

    public CampaignBuilderViewModel(SegmentService segments, CampaignService campaigns,
                                    UiExecutor executor, DialogService dialogs, Messages messages, Debouncer debouncer,
                                    Clock clock, String user, RuleGenerator generator) {
        this.campaigns = campaigns;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.debouncer = debouncer;
        RuleSources.Notes notes = new RuleSources.Notes() {
            @Override
            public void problem(String text) {
                problem.set(text);
            }

            @Override
            public void info(String text) {
                info.set(text);
            }
        };
        this.audience = new AudiencePreview(segments, executor, messages, clock, problem::set);
        this.rules = new RuleTreeModel(this::edited);
        this.sources = new RuleSources(rules, segments, generator, executor, messages, clock, user, notes, dialogs);
        this.draft = new MessageDraft(executor, messages, notes);
        draft.nameProperty().addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) {
                nameError.set("");
            }
        });
        edited(); // the first count, once the parts exist
    }

    private final ObjectProperty<Optional<String>> emailVia =
            new SimpleObjectProperty<>(Optional.empty());

    /** @param via the mail server and From address emails go through here, as it changes; empty when none is set up */
    public CampaignBuilderViewModel withEmail(ObservableValue<Optional<String>> via) {
        this.emailVia.bind(via);
        return this;
    }

    /** Adds message suggestions (and worded lookalike rules) to the builder. */
    /** Team mode: the live count runs on this computer's copy and says when that last synced. */
    public CampaignBuilderViewModel withCountOnReplica(Supplier<Optional<Instant>> syncedAt) {
        audience.countOnReplica(syncedAt);
        return this;
    }

    public CampaignBuilderViewModel withAssistant(CampaignAssistant a) {
        sources.useAssistant(a);
        draft.useAssistant(a);
        return this;
    }

    public CampaignBuilderViewModel withLookalikes(LookalikeFinder finder) {
        sources.useLookalikes(finder);
        return this;
    }

    /** Adds the best-time-to-send advice, worked out with each count. */
    public CampaignBuilderViewModel withSendTimeAdvice(Function<SegmentRule.Group, Assisted<SendTimeAdvisor.Advice>> advisor) {
        audience.adviseSendTime(advisor);
        return this;
    }

    /** Loads the named segments and counts; called when the screen opens. */
    public void start() {
        sources.loadSaved();
        recount();
    }

    /** Counts the audience of the tree as it is now, in the background; an older count is dropped. */
    public void recount() {
        if (rules != null) {
            audience.count(rules.rule());
        }
    }

    private void edited() {
        if (audience != null) {
            audience.markStale(); // no launch on the last rule's count
        }
        debouncer.trigger(this::recount);
    }

    /** Three message suggestions for the current audience. */
    public void suggestMessages(Consumer<List<String>> show) {
        draft.suggest(rules.rule(), show);
    }

    /** Asks for confirmation with the audience size, launches, then hands the campaign on. */
    public void launch(Consumer<Campaign> onLaunched) {
        problem.set("");
        Optional<SegmentRule.Group> rule = rules.rule();
        if (rule.isEmpty()) {
            problem.set(messages.get("builder.fixConditions"));
            return;
        }
        String name = draft.nameProperty().get();
        String message = draft.messageProperty().get();
        if (name.isBlank()) {
            nameError.set(messages.get("builder.nameRequired")); // on the field, not at the bottom
            return;
        }
        Channel channel = draft.channelProperty().get();
        String subject = draft.subjectProperty().get();
        try {
            MessageTemplate.check(message);
            if (channel == Channel.EMAIL) {
                MessageTemplate.checkSubject(subject);
            }
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        long size = audience.sizeProperty().get();
        if (audience.countingProperty().get() || audience.staleProperty().get() || size < 0) {
            problem.set(messages.get("builder.launch.counting"));
            return;
        }
        if (size == 0) {
            problem.set(messages.get("builder.launch.nobody"));
            return;
        }
        if (!dialogs.confirm(messages.get("builder.launch.title"), messages.get("builder.launch.confirm", name.strip(),
                size < 0 ? "?" : size, RuleEnglish.describe(rule.get())), messages.get("builder.launch"))) {
            return;
        }
        launching.set(true);
        executor.submit(() -> campaigns.launch(name, rule.get(), channel, subject, message), c -> {
            launching.set(false);
            draft.nameProperty().set("");
            onLaunched.accept(c);
        }, e -> {
            launching.set(false);
            problem.set(messages.describe(e));
        });
    }

    /**
     * Launch is offered only for a valid rule that selects somebody (counted, not being counted);
     * {@link #launchHintProperty()} says why not.
     */
    public BooleanBinding canLaunch() {
        return Bindings.createBooleanBinding(() -> !launching.get() && !audience.countingProperty().get()
                && !audience.staleProperty().get() && audience.sizeProperty().get() > 0, launching, audience.countingProperty(),
                audience.staleProperty(), audience.sizeProperty());
    }

    /** Why Launch is not offered now ("" when it is). */
    public StringBinding launchHintProperty() {
        return Bindings.createStringBinding(() -> audience.countingProperty().get() || launching.get()
                || audience.staleProperty().get() ? "" : audience.sizeProperty().get() == 0 ? messages.get("builder.launch.nobody")
                : audience.sizeProperty().get() < 0 ? messages.get("builder.fixConditions") : "",
                launching, audience.countingProperty(), audience.staleProperty(), audience.sizeProperty());
    }

    /** What is wrong with the campaign name ("" when nothing); cleared as soon as a name is typed. */
    public StringProperty nameErrorProperty() {
        return nameError;
    }

    /**
     * What the channel does, under the message: the simulated vendor, or email through the mail
     * server set up here (or that none is, and where to set it up).
     *
     */
    public StringBinding channelText() {
        return Bindings.createStringBinding(() -> draft.channelProperty().get()
                == Channel.EMAIL ? emailVia.get().map(v -> messages.get("builder.channel.email", v))
                .orElse(messages.get("builder.channel.email.none")) : messages.get("builder.channel.simulated"),
                draft.channelProperty(), emailVia);
    }

    /** "Sent by the simulated vendor · 52 characters" under the message. */
    public StringBinding lengthText() {
        return Bindings.createStringBinding(() -> messages.get("builder.length",
                draft.messageProperty().get() == null ? 0 : draft.messageProperty().get().length()), draft.messageProperty());
    }

    public RuleTreeModel rules() {
        return rules;
    }

    public RuleSources sources() {
        return sources;
    }

    public AudiencePreview audience() {
        return audience;
    }

    public MessageDraft draft() {
        return draft;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** A passing note (not a problem): what a helper did. */
    public StringProperty infoProperty() {
        return info;
    }

    public BooleanProperty launchingProperty() {
        return launching;
    }
}
