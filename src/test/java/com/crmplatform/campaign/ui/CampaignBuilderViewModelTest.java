package com.crmplatform.campaign.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.segment.RuleField;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.ui.RuleEditor.ConditionNode;
import com.crmplatform.segment.ui.RuleEditor.GroupNode;
import com.crmplatform.store.TestData;
import com.crmplatform.ui.Debouncer;
import com.crmplatform.ui.FakeDialogs;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignBuilderViewModelTest {

    @TempDir
    Path dir;
    SqliteStore store;
    FakeDialogs dialogs = new FakeDialogs();

    /** Holds the last debounced action until the test lets the user's pause end. */
    static final class ManualDebouncer implements Debouncer {
        Runnable pending;
        int triggers;

        @Override
        public void trigger(Runnable action) {
            pending = action;
            triggers++;
        }

        void quiet() {
            Runnable r = pending;
            pending = null;
            if (r != null) {
                r.run();
            }
        }
    }

    /** Holds background work until the test finishes it, in any order. */
    static final class ManualExecutor implements UiExecutor {
        record Job(Callable<?> work, Consumer<Object> ok, Flag flag) {
        }

        final List<Job> jobs = new ArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> Handle submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            Flag flag = new Flag();
            jobs.add(new Job(work, (Consumer<Object>) onSuccess, flag));
            return flag;
        }

        void finish(int i) throws Exception {
            Job j = jobs.get(i);
            Object result = j.work().call();
            if (!j.flag().isCancelled()) {
                j.ok().accept(result);
            }
        }
    }

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir);
        for (int i = 0; i < 10; i++) {
            store.customers().insert(TestData.customer("Shopper " + i, "s" + i + "@example.com", String.valueOf(i * 5000), i,
                    LocalDate.of(2026, 1, 1).plusDays(i * 30L)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CampaignBuilderViewModel builder(UiExecutor executor, Debouncer debouncer) {
        CampaignService service = new CampaignService(store.campaigns(), store.communicationLog(), new LocalUser("ann"),
                Clock.systemDefaultZone());
        return new CampaignBuilderViewModel(new com.crmplatform.segment.SegmentService(store.audience(), store.segments()), service, executor, dialogs,
                Messages.load(Locale.ENGLISH), debouncer, Clock.systemDefaultZone(), "local:ann",
                new com.crmplatform.ai.RuleGenerator(com.crmplatform.ai.GroqSettings.of(java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty())));
    }

    @Test
    void typingCountsOnceTheUserPausesAndAnOlderCountNeverOverwritesANewerOne() throws Exception {
        ManualDebouncer debouncer = new ManualDebouncer();
        ManualExecutor executor = new ManualExecutor();
        CampaignBuilderViewModel vm = builder(executor, debouncer);
        ConditionNode spend = (ConditionNode) vm.rules().rootProperty().get().children().get(0); // totalSpend > 10000
        spend.valueProperty().set("1");
        spend.valueProperty().set("10");
        spend.valueProperty().set("100");
        assertEquals(0, vm.audience().countsStarted(), "nothing is counted while the user types");
        debouncer.quiet();
        assertEquals(1, vm.audience().countsStarted(), "one count for three keystrokes");
        spend.valueProperty().set("30000");
        debouncer.quiet();
        assertEquals(2, executor.jobs.size());
        executor.finish(1);
        assertEquals(3, vm.audience().sizeProperty().get(), "totalSpend > 30000: 35000, 40000, 45000");
        executor.finish(0); // the stale count for > 100 arrives late
        assertEquals(3, vm.audience().sizeProperty().get(), "a cancelled count changes nothing");
        assertEquals("Total spend > ₹30,000", vm.audience().ruleTextProperty().get());
    }

    @Test
    void describingTheAudienceFillsTheEditorAndSaysWhichEngineAnswered() {
        CampaignBuilderViewModel vm = builder(UiExecutor.currentThread(), Debouncer.immediate());
        vm.sources().describe("spent over 20k or visited more than 7 times");
        assertEquals("Total spend > ₹20,000 OR Visits > 7", vm.audience().ruleTextProperty().get());
        assertEquals(5, vm.audience().sizeProperty().get()); // spend 25000..45000 (visits 8, 9 are among them)
        assertTrue(vm.sources().noteProperty().get().contains("built-in parser"), vm.sources().noteProperty().get());
        assertTrue(vm.sources().noteProperty().get().contains("no Groq API key"), vm.sources().noteProperty().get());
        vm.sources().describe("people who like cricket");
        assertTrue(vm.sources().noteProperty().get().contains("like cricket"), vm.sources().noteProperty().get());
        assertEquals("Total spend > ₹20,000 OR Visits > 7", vm.audience().ruleTextProperty().get(), "the rule being edited is kept");
    }

    @Test
    void undoAfterLaterEditsAsksBeforeDroppingThem() {
        CampaignBuilderViewModel vm = builder(UiExecutor.currentThread(), Debouncer.immediate());
        ((ConditionNode) vm.rules().rootProperty().get().children().get(0)).valueProperty().set("12000"); // built by hand
        String handBuilt = vm.audience().ruleTextProperty().get();
        vm.sources().describe("spent over 20k or visited more than 7 times");
        assertEquals("Total spend > ₹20,000 OR Visits > 7", vm.audience().ruleTextProperty().get());
        Runnable undo = dialogs.lastAction;
        ConditionNode first = (ConditionNode) vm.rules().rootProperty().get().children().get(0);
        first.valueProperty().set("25000"); // edited after the replacement
        int asked = dialogs.confirmations.size();
        dialogs.answer = false;
        undo.run();
        assertEquals(asked + 1, dialogs.confirmations.size(), "Undo asks first");
        assertEquals("Total spend > ₹25,000 OR Visits > 7", vm.audience().ruleTextProperty().get(), "the edit is kept");
        dialogs.answer = true;
        undo.run();
        assertEquals(handBuilt, vm.audience().ruleTextProperty().get());
    }

    @Test
    void aBadValueIsShownOnItsConditionAndNothingIsCounted() {
        CampaignBuilderViewModel vm = builder(UiExecutor.currentThread(), Debouncer.immediate());
        vm.recount();
        long before = vm.audience().sizeProperty().get();
        assertEquals(7, before); // 10000 < spend: 15000 .. 45000
        ConditionNode spend = (ConditionNode) vm.rules().rootProperty().get().children().get(0);
        spend.valueProperty().set("ten thousand");
        assertEquals("\"ten thousand\" has no number in it.", spend.errorProperty().get());
        assertEquals(-1, vm.audience().sizeProperty().get());
        assertTrue(vm.audience().sample().isEmpty());
    }

    @Test
    void nestedGroupsSavedSegmentsAndLaunchFreezingTheAudience() {
        CampaignBuilderViewModel vm = builder(UiExecutor.currentThread(), Debouncer.immediate());
        GroupNode root = vm.rules().rootProperty().get();
        vm.rules().addGroup(root); // OR group
        GroupNode or = (GroupNode) root.children().get(1);
        ConditionNode visits = (ConditionNode) or.children().get(0);
        visits.fieldProperty().set(RuleField.VISITS);
        visits.operatorProperty().set(RuleOperator.LT);
        visits.valueProperty().set("3");
        vm.rules().addCondition(or);
        ConditionNode inactive = (ConditionNode) or.children().get(1);
        inactive.fieldProperty().set(RuleField.INACTIVE_DAYS);
        inactive.valueProperty().set("200");
        assertTrue(vm.audience().ruleTextProperty().get().startsWith("Total spend > ₹10,000 AND (Visits < 3 OR Inactive > 200 days)"));
        long audience = vm.audience().sizeProperty().get();
        assertTrue(audience > 0 && audience < 10, "audience " + audience);
        assertEquals(Math.min(5, audience), vm.audience().sample().size());

        vm.sources().save("Lapsed big spenders");
        assertEquals(1, vm.sources().saved().size());
        vm.rules().remove(root, or);
        assertEquals(7, vm.audience().sizeProperty().get());
        vm.sources().load(vm.sources().saved().get(0));
        assertEquals(audience, vm.audience().sizeProperty().get(), "the saved rule comes back");

        vm.draft().nameProperty().set("Come back");
        vm.draft().messageProperty().set("Hi {firstName}!");
        String preview = vm.draft().preview(vm.audience().sample()).get();
        assertTrue(preview.startsWith("To Shopper") && preview.contains(": Hi Shopper"), preview);
        assertEquals(Math.min(3, vm.audience().sample().size()), preview.lines().count(), "one line per customer shown");
        List<Campaign> launched = new ArrayList<>();
        vm.launch(launched::add);
        assertEquals(1, launched.size());
        assertTrue(dialogs.confirmations.get(0).contains(audience + " customers"));
        assertEquals(audience, launched.get(0).audienceSize());
        assertEquals(com.crmplatform.delivery.Channel.SIMULATED, launched.get(0).channel());

        // By email: the subject is checked, previewed per customer and kept with the campaign.
        vm.draft().nameProperty().set("Come back by email");
        vm.draft().channelProperty().set(com.crmplatform.delivery.Channel.EMAIL);
        assertTrue(vm.channelText().get().startsWith("Email is not set up on this computer"), vm.channelText().get());
        vm.draft().subjectProperty().set("{nickname}, we miss you");
        vm.launch(launched::add);
        assertEquals(1, launched.size(), "not launched with a subject the CRM cannot fill in");
        assertTrue(vm.problemProperty().get().startsWith("The subject uses {nickname}"), vm.problemProperty().get());
        vm.draft().subjectProperty().set("{firstName}, we miss you");
        preview = vm.draft().preview(vm.audience().sample()).get();
        assertTrue(preview.startsWith("To Shopper") && preview.contains("“Shopper"), preview);
        vm.launch(launched::add);
        assertEquals(2, launched.size(), vm.problemProperty().get());
        assertEquals(com.crmplatform.delivery.Channel.EMAIL, launched.get(1).channel());
        assertEquals("{firstName}, we miss you", launched.get(1).subject());
    }
}
