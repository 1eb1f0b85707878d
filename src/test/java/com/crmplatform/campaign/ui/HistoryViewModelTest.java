package com.crmplatform.campaign.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.delivery.DeliveryStatus;
import com.crmplatform.delivery.LogEntry;
import com.crmplatform.delivery.Receipt;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.TestData;
import com.crmplatform.ui.FakeDialogs;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {

    @TempDir
    Path dir;

    private static Campaign launchAndFinish(SqliteStore store, CampaignService service, String name, boolean failFirst) {
        Campaign c = service.launch(name, SegmentRule.and(SegmentRule.totalSpend(RuleOperator.GT, "0")), "Hi {name}");
        List<LogEntry> claimed = store.communicationLog().claim("w", Instant.now(), Duration.ofSeconds(30), 100);
        store.communicationLog().applyReceipts(claimed.stream().map(e -> new Receipt(e.idempotencyKey(),
                !(failFirst && e == claimed.get(0)), "550 5.1.1 User unknown")).toList(), Instant.now());
        return store.campaigns().findById(c.id()).orElseThrow();
    }

    @Test
    void whatOthersChangeShowsUpAlthoughNothingHereIsDeliveringAndSendAgainShowsTheMessagesGoingOut() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.customers().insertAbsent(List.of(TestData.customer("Asha Rao", "asha@example.com", "500", 1, null),
                    TestData.customer("Ravi Kumar", "ravi@example.com", "700", 2, null)));
            CampaignService service = new CampaignService(store.campaigns(), store.communicationLog(), new LocalUser("ann"),
                    Clock.systemUTC());
            Campaign first = launchAndFinish(store, service, "First", true);
            FakeDialogs dialogs = new FakeDialogs();
            AtomicInteger woken = new AtomicInteger();
            HistoryViewModel vm = new HistoryViewModel(service, UiExecutor.currentThread(), dialogs,
                    Messages.load(Locale.ENGLISH)).onResent(woken::incrementAndGet);
            vm.refresh();
            assertEquals(1, vm.rows().size());
            assertTrue(!vm.anyRunning(), "all completed");

            // Another process launches and delivers a campaign: seen within a few quiet seconds.
            launchAndFinish(store, service, "Second", false);
            for (int i = 0; i < 5; i++) {
                vm.tick();
            }
            assertEquals(2, vm.rows().size(), "read again although nothing here was delivering");

            vm.selectedProperty().set(vm.rows().stream().filter(c -> c.id().equals(first.id())).findFirst().orElseThrow());
            vm.statusFilterProperty().set(DeliveryStatus.FAILED);
            assertEquals(1, vm.entries().rows().size());
            assertEquals("550 5.1.1 User unknown", vm.entries().rows().get(0).reason(), "why it failed is kept");
            vm.sendAgainToFailed();
            assertEquals(1, woken.get(), "delivery is woken, not left to its idle wait");
            assertNull(vm.statusFilterProperty().get(), "the filter shows the messages going out again");
            assertEquals(2, vm.entries().rows().size());
            assertEquals("1 message will be sent again.", vm.messageProperty().get());
            vm.selectedProperty().set(vm.rows().stream().filter(c -> !c.id().equals(first.id())).findFirst().orElseThrow());
            assertEquals("", vm.messageProperty().get(), "what was said about another campaign goes");
        }
    }
}
