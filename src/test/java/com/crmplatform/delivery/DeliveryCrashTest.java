package com.crmplatform.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.desktop.Launcher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a delivering JVM (SIGKILL) mid-campaign, resumes, and checks nobody got a message twice. */
class DeliveryCrashTest {

    @TempDir
    Path dir;

    private static long finished(java.sql.Connection c) throws java.sql.SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM communication_log WHERE status <> 'PENDING'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void deliveryResumesAfterKillDashNineWithoutMessagingAnyoneTwice() throws Exception {
        Campaign campaign;
        try (SqliteStore store = SqliteStore.open(dir)) {
            CampaignService service = new CampaignService(store.campaigns(), store.communicationLog(), new LocalUser("ann"),
                    Clock.systemUTC());
            campaign = DeliveryTestSupport.launch(store, service, 400);
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(javaBin, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--data-dir", dir.toString(), "delivery", "run", "--batch-size", "20", "--lease-seconds", "1",
                "--vendor-latency-ms", "300")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // Kill it once some receipts were applied and others are still on their way.
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (finished(c) < 120 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        try (SqliteStore store = SqliteStore.open(dir);
             VendorLedger ledger = VendorLedger.open(dir);
             SimulatedVendor vendor = new SimulatedVendor(ledger, new SimulatedVendor.Settings(0.9, Duration.ofMillis(5), 42, 0.05),
                     BackgroundExecutor.createScheduled())) {
            long pendingAtCrash = store.communicationLog().countPending();
            assertTrue(pendingAtCrash > 0 && pendingAtCrash < 400, "killed mid-campaign: " + pendingAtCrash + " pending");
            DeliveryWorker worker = new DeliveryWorker(store.communicationLog(), vendor, Clock.systemUTC(), "resumed",
                    new DeliveryWorker.Settings(100, 500, Duration.ofSeconds(30), Duration.ofMillis(20)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            worker.run(true, () -> System.nanoTime() > deadline);
            DeliveryTestSupport.assertDeliveredExactlyOnce(store, campaign, ledger);
        }
    }
}
