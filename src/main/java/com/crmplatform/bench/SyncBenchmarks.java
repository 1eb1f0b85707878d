package com.crmplatform.bench;

import com.crmplatform.app.MongoStore;
import com.crmplatform.app.ReplicaStore;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerDraft;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.store.Audit;
import com.crmplatform.sync.SyncEngine;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Team-mode sync on the MongoDB stand-in (mongo-java-server, in this process, over a real socket):
 * filling an empty replica next to a raw {@code find()} of the same documents (and how long the
 * search indexes a first sync leaves for after the opening take then), pushing 10,000
 * pending changes next to a raw bulk insert of the same documents, and how long a change on one
 * workstation takes to show on another while both run their once-a-second sync as the window does.
 */
final class SyncBenchmarks {

    static final int PUSHED = 10_000;
    private static final int LATENCY_ROUNDS = 8;
    private static final int SYNC_ROUNDS = 4;
    /** Rounds of one push and one raw bulk insert each, after a warm-up of both. */
    private static final int PUSH_ROUNDS = 5;
    /** The window's sync cadence (ShellViewModel's heartbeat). */
    private static final long HEARTBEAT_MS = com.crmplatform.sync.SyncService.HEARTBEAT_MS;

    private final Path scratch;
    private final Consumer<String> log;

    private final java.util.concurrent.Executor readAhead;

    SyncBenchmarks(Path scratch, Consumer<String> log, java.util.concurrent.Executor readAhead) {
        this.readAhead = readAhead;
        this.scratch = scratch;
        this.log = log;
    }

    void run(List<Customer> records, Map<String, Object> results) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        String url = "mongodb://127.0.0.1:" + address.getPort() + "/crm-bench";
        try (MongoClient raw = MongoClients.create(url)) {
            MongoStore.open(url, 5_000).close(); // the schema and indexes, as the app makes them
            MongoDatabase db = raw.getDatabase("crm-bench");
            List<Document> docs = new ArrayList<>(records.size());
            records.forEach(c -> docs.add(MongoCustomerRepository.toDocument(c)));
            for (int i = 0; i < docs.size(); i += 10_000) {
                db.getCollection("customers").insertMany(docs.subList(i, Math.min(docs.size(), i + 10_000)),
                        new InsertManyOptions().ordered(false));
            }
            int n = records.size();

            // Rounds of a raw find and a first sync into a fresh replica, each after a collection of
            // the garbage before it; the fastest of each counts (the first round warms both).
            double rawFindPerSec = 0;
            double initialPerSec = 0;
            ReplicaStore last = null;
            for (int round = 0; round < SYNC_ROUNDS; round++) {
                rawFindPerSec = Math.max(rawFindPerSec, rawFindPerSec(db, n));
                System.gc();
                long t = System.nanoTime();
                ReplicaStore opened = ReplicaStore.open(url, scratch.resolve("sync-" + round), Clock.systemUTC(),
                        (d, total) -> { }, readAhead);
                initialPerSec = Math.max(initialPerSec, n / Benchmarks.seconds(t));
                if (round < SYNC_ROUNDS - 1) {
                    opened.close();
                } else {
                    last = opened;
                }
            }
            ReplicaStore first = java.util.Objects.requireNonNull(last);
            // What the first sync leaves for after the opening (the indexes of searches by surname or
            // phone, the other sort orders, audience counts), built as the window's first syncs do.
            long i = System.nanoTime();
            first.sync().syncNow((d, total) -> { }, () -> false);
            long indexesMs = (System.nanoTime() - i) / 1_000_000;
            log.accept(String.format("first sync: %.0f records/s (raw find %.0f/s); every search index %d ms later",
                    initialPerSec, rawFindPerSec, indexesMs));
            results.put("sync.initialPerSec", Math.round(initialPerSec));
            results.put("sync.searchIndexesMs", indexesMs);
            results.put("sync.rawFindPerSec", Math.round(rawFindPerSec));
            results.put("sync.initialRatio", Benchmarks.round(initialPerSec / rawFindPerSec, 3));

            try (first; ReplicaStore second = ReplicaStore.open(url, scratch.resolve("sync-b"), Clock.systemUTC(),
                    (d, total) -> { }, readAhead)) {
                push(first, db, results);
                latency(first, second, results);
            }
        } finally {
            server.shutdownNow();
        }
    }

    /** A raw driver {@code find()} of every customer into memory, after a collection of the garbage before it. */
    private static double rawFindPerSec(MongoDatabase db, int n) {
        System.gc();
        long t = System.nanoTime();
        List<Document> all = db.getCollection("customers").find().into(new ArrayList<>(n));
        return all.size() / Benchmarks.seconds(t);
    }

    /**
     * 10,000 new customers made on the replica, then pushed, against a raw bulk insert of the same
     * kind of documents into the same collection. After a warm-up of each, rounds of one of each
     * alternate (which goes first alternating too), so that both meet the same warmth of the JIT,
     * the same collection and the same machine; the fastest of each counts.
     */
    private void push(ReplicaStore store, MongoDatabase db, Map<String, Object> results) {
        Audit audit = Audit.created(Instant.now(), "bench");
        SyncEngine engine = store.engine().orElseThrow();
        MongoCollection<Document> rawCollection = db.getCollection("customers");
        pushOnce(store, engine, "warm-up", audit);
        rawInsertOnce(rawCollection, "raw-warm-up", audit);
        double pushPerSec = 0;
        double rawPerSec = 0;
        for (int round = 0; round < PUSH_ROUNDS; round++) {
            if (round % 2 == 0) {
                pushPerSec = Math.max(pushPerSec, pushOnce(store, engine, "pushed" + round, audit));
                rawPerSec = Math.max(rawPerSec, rawInsertOnce(rawCollection, "raw" + round, audit));
            } else {
                rawPerSec = Math.max(rawPerSec, rawInsertOnce(rawCollection, "raw" + round, audit));
                pushPerSec = Math.max(pushPerSec, pushOnce(store, engine, "pushed" + round, audit));
            }
        }
        log.accept(String.format("push: %.0f changes/s (raw bulk insert %.0f/s)", pushPerSec, rawPerSec));
        results.put("sync.pushPerSec", Math.round(pushPerSec));
        results.put("sync.rawBulkWritePerSec", Math.round(rawPerSec));
        results.put("sync.pushRatio", Benchmarks.round(pushPerSec / rawPerSec, 3));
    }

    /** 10,000 new customers made on the replica, then pushed until nothing is pending: changes per second. */
    private static double pushOnce(ReplicaStore store, SyncEngine engine, String tag, Audit audit) {
        store.customers().insertAbsent(made(PUSHED, tag, audit));
        System.gc(); // neither side pays for the other's garbage
        long t = System.nanoTime();
        while (engine.push() > 0) {
            // until nothing is pending
        }
        double perSec = PUSHED / Benchmarks.seconds(t);
        if (store.sync().status().pending() != 0) {
            throw new IllegalStateException("the push left " + store.sync().status().pending() + " pending");
        }
        return perSec;
    }

    /** An unordered {@code insertMany} of 10,000 such documents, taken out again afterwards: documents per second. */
    private static double rawInsertOnce(MongoCollection<Document> collection, String tag, Audit audit) {
        List<Document> same = made(PUSHED, tag, audit).stream().map(MongoCustomerRepository::toDocument).toList();
        System.gc();
        long t = System.nanoTime();
        collection.insertMany(same, new InsertManyOptions().ordered(false));
        double perSec = PUSHED / Benchmarks.seconds(t);
        collection.deleteMany(com.mongodb.client.model.Filters.in("_id", same.stream().map(x -> x.get("_id")).toList()));
        return perSec;
    }

    /** What the window does every 500 ms: a connection check, then a push and pull when online. */
    private static void heartbeat(ReplicaStore store) {
        if (store.sync().probe().online()) {
            store.sync().syncQuietly();
        }
    }

    /** New customers as a workstation enters them: a fresh id, a name and an email of their own. */
    private static List<Customer> made(int n, String tag, Audit audit) {
        List<Customer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Customer(new org.bson.types.ObjectId().toHexString(), "Bench " + tag + " " + i,
                    tag + "-" + i + "@bench.example.com", "+91 90000 " + String.format("%05d", i), "Pune",
                    com.crmplatform.store.Money.ZERO, 0, null, audit));
        }
        return list;
    }

    /**
     * Both workstations sync once a second, as the window's heartbeat does, at unrelated moments; a
     * customer is edited on one and the time until the other shows it is measured, several times.
     */
    private void latency(ReplicaStore a, ReplicaStore b, Map<String, Object> results) throws Exception {
        ScheduledExecutorService beats = Executors.newScheduledThreadPool(2);
        try {
            beats.scheduleWithFixedDelay(() -> heartbeat(a), 0, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
            beats.scheduleWithFixedDelay(() -> heartbeat(b), 170, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
            b.sync().syncNow((d, t) -> { }, () -> false);
            Customer target = a.customers().page(com.crmplatform.customer.CustomerQuery.all(),
                    com.crmplatform.store.PageRequest.first(1)).items().get(0);
            long worst = 0;
            long sum = 0;
            for (int round = 0; round < LATENCY_ROUNDS; round++) {
                Customer now = a.customers().findById(target.id()).orElseThrow();
                String city = "Bench city " + round;
                CustomerDraft d = now.toDraft();
                a.customers().update(now.withDetails(new CustomerDraft(d.name(), d.email(), d.phone(), city, d.totalSpend(),
                        d.visits(), d.lastPurchaseDate()), now.audit().touched(Instant.now(), "bench")), now.version());
                long t = System.nanoTime();
                while (!city.equals(b.customers().findById(target.id()).orElseThrow().city())) {
                    if (System.nanoTime() - t > 30_000_000_000L) {
                        throw new IllegalStateException("the change did not reach the other workstation in 30 s");
                    }
                    Thread.sleep(20);
                }
                long ms = (System.nanoTime() - t) / 1_000_000;
                worst = Math.max(worst, ms);
                sum += ms;
                Thread.sleep(300 + 211L * round); // the next edit at another moment of the two heartbeats
            }
            log.accept(String.format("change visible on the other workstation: worst %d ms, mean %d ms", worst,
                    sum / LATENCY_ROUNDS));
            results.put("sync.visibleWorstMs", worst);
            results.put("sync.visibleMeanMs", sum / LATENCY_ROUNDS);
        } finally {
            beats.shutdownNow();
            beats.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
