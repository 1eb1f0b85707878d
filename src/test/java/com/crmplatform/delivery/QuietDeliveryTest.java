package com.crmplatform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.app.MongoStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.store.TcpProxy;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An idle worker leaves the central database alone, and a launch here is picked up at once. */
class QuietDeliveryTest {

    @TempDir
    Path dir;

    @Test
    void anIdleWorkerSendsAtMostOneRequestASecondAndALaunchWakesItAtOnce() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        AtomicBoolean stop = new AtomicBoolean();
        try (TcpProxy proxy = new TcpProxy(server.getLocalAddress());
             MongoStore store = MongoStore.open("mongodb://127.0.0.1:" + proxy.port() + "/crm-test", 5_000);
             VendorLedger ledger = VendorLedger.open(dir);
             SimulatedVendor vendor = new SimulatedVendor(ledger, new SimulatedVendor.Settings(1.0, Duration.ZERO, 1, 0),
                     BackgroundExecutor.createScheduled())) {
            DeliveryWorker worker = new DeliveryWorker(store.communicationLog(), vendor, Clock.systemUTC(), "idle",
                    DeliveryWorker.Settings.defaults());
            Future<?> running = thread.submit(() -> worker.run(false, stop::get));
            Thread.sleep(3_000); // backs off to its longest wait
            long before = proxy.writesToServer();
            Thread.sleep(9_000);
            long requests = proxy.writesToServer() - before;
            assertTrue(requests <= 9, "an idle worker sent " + requests + " requests in 9 s");

            CampaignService service = new CampaignService(store.campaigns(), store.communicationLog(), new LocalUser("ann"),
                    Clock.systemUTC());
            Campaign c = DeliveryTestSupport.launch(store, service, 20);
            long launched = System.nanoTime();
            worker.wake();
            while (store.communicationLog().countPending() > 0 && System.nanoTime() - launched < TimeUnit.SECONDS.toNanos(5)) {
                Thread.sleep(20);
            }
            long ms = (System.nanoTime() - launched) / 1_000_000;
            assertEquals(0, store.communicationLog().countPending(), "delivered");
            assertTrue(ms < 1_500, "a woken worker delivered after " + ms + " ms");
            assertEquals(20, ledger.stats(c.id()).accepted());
            stop.set(true);
            worker.wake();
            running.get(10, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            thread.shutdownNow();
            server.shutdownNow();
        }
    }
}
