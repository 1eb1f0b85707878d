package com.crmplatform.campaign.ui;

import com.crmplatform.ai.Assisted;
import com.crmplatform.ai.RuleGenerator;
import com.crmplatform.ai.SendTimeAdvisor;
import com.crmplatform.customer.Customer;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.segment.SegmentService;
import com.crmplatform.ui.Formats;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audience of the rule being edited: its size, a sample of customers, the rule in English, when to send. */
public final class AudiencePreview {

    static final int SAMPLE = 5;

    private final SegmentService segments;
    private final UiExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final Consumer<String> problem;
    private final LongProperty size = new SimpleLongProperty(-1);
    private final BooleanProperty counting = new SimpleBooleanProperty();
    /** The rule changed since the size was counted (or the count failed): the size is not this rule's. */
    private final BooleanProperty stale = new SimpleBooleanProperty(true);
    private final StringProperty ruleText = new SimpleStringProperty("");
    private final ObservableList<Customer> sample = FXCollections.observableArrayList();
    private final StringProperty sendTime = new SimpleStringProperty("");
    private final StringProperty countSource = new SimpleStringProperty("");
    private Supplier<Optional<Instant>> replicaSyncedAt;
    private Function<SegmentRule.Group, Assisted<SendTimeAdvisor.Advice>> sendTimeAdvisor;
    private UiExecutor.Handle pendingCount;
    private UiExecutor.Handle pendingSendTime;
    private int countsStarted;

    AudiencePreview(SegmentService segments, UiExecutor executor, Messages messages, Clock clock, Consumer<String> problem) {
        this.segments = segments;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
        this.problem = problem;
    }

    /**
     * Team mode: counts run on this computer's copy, and say so with when it last synced
     * ({@code syncedAt} is read in the background with each count; empty when never synced).
     */
    void countOnReplica(Supplier<Optional<Instant>> syncedAt) {
        this.replicaSyncedAt = syncedAt;
    }

    /** Where the count ran, in team mode: "On this computer's copy, synced 2 minutes ago"; empty otherwise. */
    public StringProperty countSourceProperty() {
        return countSource;
    }

    private String countSourceText() {
        if (replicaSyncedAt == null) {
            return "";
        }
        Optional<Instant> at = replicaSyncedAt.get();
        if (at.isEmpty()) {
            return messages.get("builder.onReplica.never");
        }
        long minutes = Duration.between(at.get(), clock.instant()).toMinutes();
        return minutes < 1 ? messages.get("builder.onReplica.now") : messages.get("builder.onReplica", minutes);
    }

    void adviseSendTime(Function<SegmentRule.Group, Assisted<SendTimeAdvisor.Advice>> advisor) {
        this.sendTimeAdvisor = advisor;
    }

    /** Counts the rule's audience in the background; an older count still running is dropped. */
    void count(Optional<SegmentRule.Group> rule) {
        if (pendingCount != null) {
            pendingCount.cancel();
        }
        if (pendingSendTime != null) {
            pendingSendTime.cancel();
        }
        if (rule.isEmpty()) {
            size.set(-1);
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
        pendingCount = executor.submit(() -> new Counted(segments.count(r, today), segments.sample(r, today, SAMPLE),
                        countSourceText()),
                counted -> {
                    counting.set(false);
                    stale.set(false);
                    size.set(counted.count.reachable());
                    leftOut.set(counted.count.unsubscribed());
                    sample.setAll(counted.sample);
                    countSource.set(counted.source);
                    if (counted.count.reachable() == 0) {
                        sendTime.set(""); // nobody to send to: no advice
                    }
                }, e -> {
                    counting.set(false);
                    problem.accept(messages.describe(e));
                });
        // The send-time advice reads the audience's orders: a job of its own, so the count never waits for it.
        if (sendTimeAdvisor != null) {
            pendingSendTime = executor.submit(() -> sendTimeText(r), text -> sendTime.set(size.get() == 0 && !counting.get()
                    ? "" : text), e -> sendTime.set(""));
        }
    }

    private record Counted(SegmentService.Count count, List<Customer> sample, String source) {
    }

    private final LongProperty leftOut = new SimpleLongProperty();

    /** "12 who unsubscribed are left out" under the count ("" when nobody is). */
    public StringBinding leftOutText() {
        return Bindings.createStringBinding(() -> size.get() < 0 || leftOut.get() == 0 ? ""
                : messages.get("builder.leftOut", leftOut.get()), size, leftOut);
    }

    private String sendTimeText(SegmentRule.Group r) {
        Assisted<SendTimeAdvisor.Advice> assisted = sendTimeAdvisor.apply(r);
        SendTimeAdvisor.Advice a = assisted.value();
        return messages.get("builder.sendTime", a.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                String.format("%02d:00", a.hour()), a.why()) + " " + messages.get(assisted.engine() == RuleGenerator.Engine.GROQ
                ? "builder.engine.groq" : "builder.engine.builtin");
    }

    /** One customer of the sample: name, spend, visits and last purchase. */
    public String describe(Customer c) {
        return c.name() + "  ·  " + Formats.money(c.totalSpend()) + "  ·  " + messages.get("builder.sample.visits", c.visits())
                + "  ·  " + Formats.date(c.lastPurchaseDate());
    }

    public StringBinding sizeText() {
        return Bindings.createStringBinding(() -> size.get() < 0 ? "—" : String.format("%,d", size.get()), size);
    }

    public LongProperty sizeProperty() {
        return size;
    }

    /** Called as soon as the rule is edited, before the (debounced) count starts. */
    void markStale() {
        stale.set(true);
    }

    public BooleanProperty staleProperty() {
        return stale;
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

    public StringProperty sendTimeProperty() {
        return sendTime;
    }

    /** How many counts were started (for tests of the debouncing). */
    int countsStarted() {
        return countsStarted;
    }
}
