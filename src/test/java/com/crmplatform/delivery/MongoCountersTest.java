package com.crmplatform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.app.MongoStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaign counters on MongoDB equal the log, with several workers and workstations starting meanwhile. */
class MongoCountersTest {

    @TempDir
    Path dir;
    MongoServer server;
    String url;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/crm-test";
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    private static void assertCountersEqualTheLog(MongoStore store, String campaignId) {
        Campaign c = store.campaigns().findById(campaignId).orElseThrow();
        Map<DeliveryStatus, Long> log = store.communicationLog().countByStatus(campaignId);
        assertEquals(log.get(DeliveryStatus.SENT), c.sent(), "sent");
        assertEquals(log.get(DeliveryStatus.FAILED), c.failed(), "failed");
    }

    @RepeatedTest(3)
    void twoWorkersAndARestartingWorkstationLeaveCountersEqualToTheLog() throws Exception {
        Campaign launched;
        try (MongoStore store = MongoStore.open(url, 5_000)) {
            launched = DeliveryTestSupport.launch(store, new CampaignService(store.campaigns(), store.communicationLog(),
                    new LocalUser("ann"), Clock.systemUTC()), 400);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int n = w;
            work.add(pool.submit(() -> {
                try (MongoStore store = MongoStore.open(url, 5_000);
                     VendorLedger ledger = VendorLedger.open(dir.resolve("w" + n));
                     SimulatedVendor vendor = new SimulatedVendor(ledger, new SimulatedVendor.Settings(0.9, Duration.ofMillis(5),
                             n, 0.2), BackgroundExecutor.createScheduled())) {
                    new DeliveryWorker(store.communicationLog(), vendor, Clock.systemUTC(), "w" + n,
                            new DeliveryWorker.Settings(25, 20, Duration.ofSeconds(30), Duration.ofMillis(5)))
                            .run(true, () -> false);
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> {
            for (int i = 0; i < 5; i++) {
                MongoStore.open(url, 5_000).close(); // a workstation starting up while the workers count
                Thread.sleep(100);
            }
            return null;
        }));
        for (Future<?> f : work) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        try (MongoStore store = MongoStore.open(url, 5_000)) {
            assertCountersEqualTheLog(store, launched.id());
            assertEquals(0, store.communicationLog().countPending());
        }
    }

    @Test
    void aReceiptBatchACrashLeftUncountedIsCountedOnceAtTheNextStart() {
        Campaign launched;
        try (MongoStore store = MongoStore.open(url, 5_000)) {
            launched = DeliveryTestSupport.launch(store, new CampaignService(store.campaigns(), store.communicationLog(),
                    new LocalUser("ann"), Clock.systemUTC()), 30);
        }
        // the receipts were written, then the process died
        String crashed = new org.bson.types.ObjectId(new java.util.Date(System.currentTimeMillis() - 180_000L)).toHexString();
        try (var client = MongoClients.create(url)) {
            var log = client.getDatabase("crm-test").getCollection("communication_log");
            List<Object> ids = log.find().limit(12).map(d -> d.get("_id")).into(new ArrayList<>());
            log.updateMany(Filters.in("_id", ids), Updates.combine(Updates.set("status", "SENT"),
                    Updates.set("receiptToken", crashed), Updates.set("uncounted", true)));
            assertEquals(0, client.getDatabase("crm-test").getCollection("campaigns").find().first().get("sent", Number.class)
                    .intValue());
        }
        for (int start = 0; start < 3; start++) {
            try (MongoStore store = MongoStore.open(url, 5_000)) {
                assertCountersEqualTheLog(store, launched.id());
                assertEquals(12, store.campaigns().findById(launched.id()).orElseThrow().sent());
            }
        }
        try (var client = MongoClients.create(url)) { // the same batch was still being written when it was swept
            var log = client.getDatabase("crm-test").getCollection("communication_log");
            List<Object> more = log.find(Filters.eq("status", "PENDING")).limit(3).map(d -> d.get("_id")).into(new ArrayList<>());
            log.updateMany(Filters.in("_id", more), Updates.combine(Updates.set("status", "SENT"),
                    Updates.set("receiptToken", crashed), Updates.set("uncounted", true)));
        }
        try (MongoStore store = MongoStore.open(url, 5_000)) { // counted by difference: the rest is added, once
            assertEquals(15, store.campaigns().findById(launched.id()).orElseThrow().sent());
            assertCountersEqualTheLog(store, launched.id());
        }
        try (var client = MongoClients.create(url)) { // a token from two hours ago, its batch long counted: pruned
            String old = new org.bson.types.ObjectId(new java.util.Date(System.currentTimeMillis() - 7_200_000L)).toHexString();
            client.getDatabase("crm-test").getCollection("campaigns").updateOne(new Document(),
                    Updates.push("countedBatches", old));
            MongoStore.open(url, 5_000).close();
            Document c = client.getDatabase("crm-test").getCollection("campaigns").find().first();
            assertEquals(List.of(crashed), c.getList("countedBatches", Document.class, List.of()).stream()
                    .map(d -> d.getString("t")).toList(), "recent tokens are kept, old ones pruned");
        }
    }
}
