package com.crmplatform.campaign.ui;

import com.crmplatform.ai.Assisted;
import com.crmplatform.ai.CampaignAssistant;
import com.crmplatform.ai.LookalikeFinder;
import com.crmplatform.ai.RuleGenerator;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.segment.SavedSegment;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.segment.SegmentService;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Ids;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where a rule can come from besides hand editing: a description in English, the lookalikes of the
 * current segment, or a saved segment; and saving the current rule under a name.
 */
public final class RuleSources {

    private final RuleTreeModel rules;
    private final SegmentService segments;
    private final RuleGenerator generator;
    private final UiExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final String user;
    private final Notes notes;
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty working = new SimpleBooleanProperty();
    private final ObservableList<SavedSegment> saved = FXCollections.observableArrayList();
    private final com.crmplatform.ui.DialogService dialogs;
    private CampaignAssistant assistant;
    private LookalikeFinder lookalikes;
    /** The rule as a source (or the start) last put it in: anything else was built by hand. */
    private SegmentRule.Group placed;

    /** Where the builder's problems and passing notes go. */
    interface Notes {
        void problem(String text);

        void info(String text);
    }

    RuleSources(RuleTreeModel rules, SegmentService segments, RuleGenerator generator, UiExecutor executor, Messages messages,
                Clock clock, String user, Notes notes, com.crmplatform.ui.DialogService dialogs) {
        this.dialogs = dialogs;
        this.placed = rules.rule().orElse(null);
        this.rules = rules;
        this.segments = segments;
        this.generator = generator;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
        this.user = user;
        this.notes = notes;
    }

    void useAssistant(CampaignAssistant assistant) {
        this.assistant = assistant;
    }

    void useLookalikes(LookalikeFinder finder) {
        this.lookalikes = finder;
    }

    /** Loads the named segments. */
    void loadSaved() {
        executor.submit(segments::all, saved::setAll, e -> notes.problem(messages.describe(e)));
    }

    /** Saves the current rule under a name (the same name replaces it). */
    public void save(String name) {
        Optional<SegmentRule.Group> rule = rules.rule();
        if (name == null || name.isBlank() || rule.isEmpty()) {
            notes.problem(messages.get(rule.isEmpty() ? "builder.fixConditions" : "builder.segmentName"));
            return;
        }
        SavedSegment s = new SavedSegment(Ids.newId(), name.strip(), rule.get(), Audit.created(clock.instant(), user));
        executor.submit(() -> segments.save(s), all -> {
            saved.setAll(all);
            notes.problem("");
            notes.info(messages.get("builder.segmentSaved", s.name()));
        }, e -> notes.problem(messages.describe(e)));
    }

    public void load(SavedSegment s) {
        if (s != null && mayReplace(messages.get("builder.replace.saved", s.name()))) {
            replace(s.rule(), messages.get("builder.replaced.saved", s.name()));
        }
    }

    /**
     * Asks before a source replaces conditions built by hand ("Generate", "Find lookalikes", a
     * saved segment); false when the user keeps them.
     */
    private boolean mayReplace(String what) {
        Optional<SegmentRule.Group> now = rules.rule();
        if (now.isEmpty() && rules.rootProperty().get() == null || now.isPresent() && now.get().equals(placed)) {
            return true;
        }
        return dialogs.confirm(messages.get("builder.replace.title"), messages.get("builder.replace.confirm", what,
                now.map(RuleEnglish::describe).orElse(messages.get("builder.replace.unfinished"))), messages.get("builder.replace"));
    }

    /** Puts a rule in the editor, with Undo back to what was there. */
    private void replace(SegmentRule.Group rule, String done) {
        Optional<SegmentRule.Group> before = rules.rule();
        boolean handBuilt = before.isPresent() && !before.get().equals(placed);
        rules.load(rule);
        placed = rules.rule().orElse(rule); // as the editor gives it back (₹9000 and ₹9000.00 are one rule)
        if (handBuilt) {
            SegmentRule.Group previous = before.get();
            SegmentRule.Group put = placed;
            dialogs.notify(done, messages.get("builder.replaced.undo"), () -> {
                // Edited since: Undo would drop those edits too, so it asks first.
                if (!rules.rule().equals(Optional.of(put)) && !dialogs.confirm(messages.get("builder.undo.title"),
                        messages.get("builder.undo.confirm", RuleEnglish.describe(previous)), messages.get("builder.replaced.undo"))) {
                    return;
                }
                rules.load(previous);
                placed = null;
            });
        }
    }

    /**
     * Turns the description into a rule (Groq, or the offline parser) in the background and puts
     * it in the editor for review; the note says which engine answered.
     */
    public void describe(String text) {
        if (text == null || text.isBlank() || working.get() || !mayReplace(messages.get("builder.replace.generate"))) {
            return;
        }
        working.set(true);
        note.set(messages.get("builder.describe.working"));
        executor.submit(() -> generator.generate(text, false), answer -> {
            working.set(false);
            replace(answer.rule(), messages.get("builder.replaced.generated"));
            String engine = answer.engine() == RuleGenerator.Engine.GROQ ? messages.get("builder.describe.groq")
                    : answer.groqProblem().map(p -> messages.get("builder.describe.offlineBecause", p))
                            .orElse(messages.get("builder.describe.offline"));
            note.set(answer.notes().isEmpty() ? engine
                    : engine + " " + messages.get("builder.describe.check", String.join(" ", answer.notes())));
        }, this::failed);
    }

    /**
     * Finds the customers most like the current segment who are not in it, and puts a rule
     * describing them in the editor as a new segment to review.
     */
    public void findLookalikes() {
        Optional<SegmentRule.Group> rule = rules.rule();
        if (rule.isEmpty() || lookalikes == null || working.get()) {
            return;
        }
        if (!mayReplace(messages.get("builder.replace.lookalikes"))) {
            return;
        }
        working.set(true);
        note.set(messages.get("builder.lookalike.working"));
        executor.submit(() -> {
            LookalikeFinder.Lookalikes found = lookalikes.find(rule.get(), LocalDate.now(clock), 200);
            Assisted<SegmentRule.Group> worded = assistant == null
                    ? new Assisted<>(found.rule(), RuleGenerator.Engine.OFFLINE, Optional.empty())
                    : assistant.lookalikeRule(rule.get(), found);
            return new Found(found.customers().size(), worded);
        }, found -> {
            working.set(false);
            String before = RuleEnglish.describe(rule.get());
            replace(found.rule().value(), messages.get("builder.replaced.lookalikes"));
            note.set(messages.get("builder.lookalike.done", found.customers(), before) + " " + messages.get(
                    found.rule().engine() == RuleGenerator.Engine.GROQ ? "builder.engine.groq" : "builder.engine.builtin"));
        }, this::failed);
    }

    private record Found(int customers, Assisted<SegmentRule.Group> rule) {
    }

    private void failed(Throwable e) {
        working.set(false);
        note.set(messages.describe(e));
    }

    /** What the last description or lookalike search did, and which engine answered. */
    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public ObservableList<SavedSegment> saved() {
        return saved;
    }
}
