package com.crmplatform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.store.StoreFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryWorkerTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "mongo"})
    void aCampaignIsDeliveredOnceWithRepeatedAndLateReceipts(String kind) {
        try (StoreFixture fixture = kind.equals("sqlite") ? StoreFixture.sqlite(dir.resolve("store")) : StoreFixture.mongo();
             VendorLedger ledger = VendorLedger.open(dir);
             SimulatedVendor vendor = new SimulatedVendor(ledger, new SimulatedVendor.Settings(0.9, Duration.ofMillis(15), 7, 0.3),
                     BackgroundExecutor.createScheduled())) {
            CampaignService service = new CampaignService(fixture.store().campaigns(), fixture.store().communicationLog(),
                    new LocalUser("ann"), Clock.systemUTC());
            Campaign c = DeliveryTestSupport.launch(fixture.store(), service, 300);
            DeliveryWorker worker = new DeliveryWorker(fixture.store().communicationLog(), vendor, Clock.systemUTC(), "w1",
                    new DeliveryWorker.Settings(40, 25, Duration.ofSeconds(30), Duration.ofMillis(5)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            DeliveryWorker.Summary s = worker.run(true, () -> System.nanoTime() > deadline);
            assertEquals(300, s.handedToVendor());
            assertEquals(300, s.sent() + s.failed());
            DeliveryTestSupport.assertDeliveredExactlyOnce(fixture.store(), c, ledger);
            assertEquals(0, ledger.stats(c.id()).duplicates(), "no crash, no repeated sends");
            assertTrue(Stream.of(s.sent(), s.failed()).allMatch(n -> n > 0));
        }
    }
}
