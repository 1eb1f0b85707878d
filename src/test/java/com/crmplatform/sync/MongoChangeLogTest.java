package com.crmplatform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The change log never lets a puller miss a change, whatever order writers commit in or if they die. */
class MongoChangeLogTest {

    private MongoServer server;
    private String url;
    private final List<MongoClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    /** Each workstation has its own connection, as in the product. */
    private MongoDatabase workstation() {
        MongoClient client = MongoClients.create(url);
        clients.add(client);
        return client.getDatabase("crm-test");
    }

    @Test
    void aLateWriteIsWaitedForNotSkipped() {
        AtomicLong now = new AtomicLong();
        MongoChangeLog puller = new MongoChangeLog(workstation(), Duration.ofSeconds(10), now::get, () -> { });
        MongoChangeLog writer = new MongoChangeLog(workstation(), Duration.ofSeconds(10));
        writer.append("customers", "a", 1);
        // Number 2 is taken by a writer that has not written its entry yet; number 3 commits first.
        MongoDatabase db = workstation();
        db.getCollection("meta").updateOne(new org.bson.Document("_id", MongoChangeLog.COUNTER_ID),
                new org.bson.Document("$inc", new org.bson.Document("next", 1L)));
        writer.append("customers", "c", 1);

        MongoChangeLog.Batch first = puller.read(0, 100);
        assertEquals(List.of("a"), ids(first));
        assertEquals(1, first.lastSeq());
        assertTrue(first.gapOpen());

        db.getCollection("changes").insertOne(new org.bson.Document("_id", 2L).append("c", "customers")
                .append("r", "b").append("v", 1L));
        MongoChangeLog.Batch second = puller.read(first.lastSeq(), 100);
        assertEquals(List.of("b", "c"), ids(second));
        assertEquals(3, second.lastSeq());
        assertFalse(second.gapOpen());
    }

    @Test
    void aWriterThatDiedAfterTakingItsNumberHoldsPullersUpOnlyForTheGracePeriod() {
        AtomicLong now = new AtomicLong();
        MongoDatabase db = workstation();
        MongoChangeLog puller = new MongoChangeLog(db, Duration.ofSeconds(10), now::get, () -> { });
        MongoChangeLog writer = new MongoChangeLog(workstation(), Duration.ofSeconds(10));
        db.getCollection("meta").insertOne(new org.bson.Document("_id", MongoChangeLog.COUNTER_ID).append("next", 1L));
        writer.append("orders", "o2", 1);

        assertEquals(0, puller.read(0, 100).lastSeq());
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        MongoChangeLog.Batch batch = puller.read(0, 100);
        assertEquals(List.of("o2"), ids(batch));
        assertEquals(2, batch.lastSeq());
    }

    @Test
    void aWriterSlowerThanTheGracePeriodWritesItsEntryAgainUnderANewNumber() {
        AtomicLong now = new AtomicLong();
        MongoDatabase db = workstation();
        MongoChangeLog puller = new MongoChangeLog(db, Duration.ofSeconds(10), now::get, () -> { });
        CountDownLatch numberTaken = new CountDownLatch(1);
        CountDownLatch skipped = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        MongoChangeLog slow = new MongoChangeLog(workstation(), Duration.ofSeconds(10), System::nanoTime, () -> {
            if (once.compareAndSet(false, true)) {
                numberTaken.countDown();
                await(skipped);
            }
        });
        Thread writer = new Thread(() -> slow.append("customers", "late", 4));
        writer.start();
        await(numberTaken);
        assertEquals(0, puller.read(0, 100).lastSeq());
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        MongoChangeLog.Batch skippedBatch = puller.read(0, 100);
        assertEquals(List.of(), ids(skippedBatch));
        assertEquals(1, skippedBatch.lastSeq());
        skipped.countDown();
        join(writer);

        MongoChangeLog.Batch after = puller.read(skippedBatch.lastSeq(), 100);
        assertEquals(List.of("late"), ids(after));
        assertEquals(2, after.lastSeq());
    }

    /**
     * Many workstations append at once, each pausing a random while between taking its number and
     * writing (so entries commit out of order), some for longer than the grace period, while a
     * puller reads in small pages: every change is seen exactly once, none is missed.
     */
    @RepeatedTest(3)
    void manyConcurrentWritersAndAPullerMissNothingAndSeeNothingTwice() throws Exception {
        int writers = 6;
        int perWriter = 60;
        Set<String> written = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Random random = new Random(w * 7919L + System.nanoTime());
            MongoChangeLog log = new MongoChangeLog(workstation(), Duration.ofMillis(150), System::nanoTime, () -> {
                int roll = random.nextInt(100);
                sleep(roll < 70 ? 0 : roll < 95 ? random.nextInt(20) : 150 + random.nextInt(150));
            });
            String name = "w" + w;
            threads.add(new Thread(() -> {
                for (int i = 0; i < perWriter; i++) {
                    String id = name + "-" + i;
                    log.append("customers", id, 1);
                    written.add(id);
                }
            }));
        }
        MongoChangeLog puller = new MongoChangeLog(workstation(), Duration.ofMillis(150));
        List<String> seen = new ArrayList<>();
        threads.forEach(Thread::start);
        long last = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            MongoChangeLog.Batch batch = puller.read(last, 7);
            batch.changes().forEach(c -> seen.add(c.recordId()));
            last = batch.lastSeq();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((last < puller.lastNumber() || seen.size() < written.size()) && System.nanoTime() < deadline) {
            MongoChangeLog.Batch batch = puller.read(last, 7);
            batch.changes().forEach(c -> seen.add(c.recordId()));
            last = batch.lastSeq();
            sleep(5);
        }
        assertEquals(writers * perWriter, written.size());
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a change seen twice");
        Set<String> missed = new HashSet<>(written);
        missed.removeAll(seen);
        assertEquals(Set.of(), missed, missed.size() + " changes missed");
        assertEquals(puller.lastNumber(), last);
    }

    private static List<String> ids(MongoChangeLog.Batch batch) {
        return batch.changes().stream().map(MongoChangeLog.Change::recordId).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
