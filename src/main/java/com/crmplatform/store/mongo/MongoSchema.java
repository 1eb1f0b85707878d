package com.crmplatform.store.mongo;

import com.crmplatform.store.StoreException;
import com.crmplatform.store.Texts;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The central store's schema as numbered migrations. A {@code meta} document {@code {_id: "schema",
 * version: N}} says which have run; at start-up a process that finds the database behind takes a
 * lock document (which expires, so a crashed process does not block the others), runs the missing
 * steps (each idempotent) and records each; one that finds it current does nothing, so indexes are
 * not re-created at every start; one that finds it newer than itself refuses to touch it.
 */
public final class MongoSchema {

    /** The schema version this app writes. */
    public static final int LATEST = 2;
    static final String META = "meta";
    private static final Duration LOCK_TTL = Duration.ofSeconds(60);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private MongoSchema() {
    }

    /** A campaign document whose messages all have an outcome (CampaignStatus.afterDelivery, as a filter). */
    public static org.bson.conversions.Bson campaignCompleted() {
        return com.mongodb.client.model.Filters.expr(new Document("$gte", java.util.List.of(
                new Document("$add", java.util.List.of("$sent", "$failed")), "$audienceSize")));
    }

    /** The database's schema version (0: written before versions, or empty). */
    public static int version(MongoDatabase db) {
        Document d = db.getCollection(META).find(Filters.eq("_id", "schema")).first();
        return d == null || !(d.get("version") instanceof Number n) ? 0 : n.intValue();
    }

    /**
     * Brings the database to {@link #LATEST}, one process at a time.
     *
     * @throws StoreException when it is newer than this app, another process holds the lock too long,
     *                        or a step failed (the steps before it stay done and recorded)
     */
    public static void migrate(MongoDatabase db) {
        int found = version(db);
        if (found > LATEST) {
            throw new StoreException(Texts.get("store.schema.mongoNewer", found, LATEST));
        }
        if (found == LATEST) {
            return;
        }
        MongoCollection<Document> meta = db.getCollection(META);
        String owner = new ObjectId().toHexString();
        lock(meta, owner);
        try {
            for (int v = version(db); v < LATEST; v++) {
                int to = v + 1;
                try {
                    step(db, to);
                } catch (RuntimeException e) {
                    throw new StoreException(Texts.get("store.schema.mongoFailed", to, e.getMessage()), e);
                }
                meta.updateOne(Filters.eq("_id", "schema"), Updates.set("version", to), new UpdateOptions().upsert(true));
            }
        } finally {
            meta.deleteOne(Filters.and(Filters.eq("_id", "lock"), Filters.eq("owner", owner)));
        }
    }

    private static void step(MongoDatabase db, int to) {
        switch (to) {
            case 1 -> apply(db);
            case 2 -> listCountedOrders(db);
            default -> throw new IllegalStateException("no migration to schema " + to);
        }
    }

    /** Takes the migration lock, or a lock whose holder let it expire; waits a while for a live one. */
    private static void lock(MongoCollection<Document> meta, String owner) {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            Date now = new Date();
            Date until = Date.from(now.toInstant().plus(LOCK_TTL));
            try {
                meta.insertOne(new Document("_id", "lock").append("owner", owner).append("until", until));
                return;
            } catch (MongoWriteException e) {
                if (!MongoDocs.isDuplicateKey(e)) {
                    throw e;
                }
            }
            if (meta.findOneAndUpdate(Filters.and(Filters.eq("_id", "lock"), Filters.lt("until", now)),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", until))) != null) {
                return; // its holder crashed
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException(Texts.get("store.schema.mongoBusy"));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException(Texts.get("store.schema.mongoBusy"), e);
            }
        }
    }

    /**
     * Schema 2: every customer document lists the orders its totals include and the cancelled ones
     * (docs/adr/0006), taken from the orders as release 0.1.0 marked them; the old markers go.
     */
    static void listCountedOrders(MongoDatabase db) {
        MongoCollection<Document> orders = db.getCollection("orders");
        MongoCollection<Document> customers = db.getCollection("customers");
        // Release 0.1.0's markers say what an interrupted write had done: "a:<id>" counted, "c:<id>" taken out.
        java.util.Map<String, java.util.Set<Object>> markers = new java.util.HashMap<>();
        for (Document c : customers.find(Filters.exists("ops.0")).projection(new Document("ops", 1))) {
            markers.put(c.getObjectId("_id").toHexString(), new java.util.HashSet<>(c.getList("ops", Object.class)));
        }
        java.util.Map<String, java.util.List<String>> counted = new java.util.HashMap<>();
        java.util.Map<String, java.util.List<String>> cancelled = new java.util.HashMap<>();
        java.util.List<Object> nowProcessed = new java.util.ArrayList<>();
        java.util.List<Object> nowReverted = new java.util.ArrayList<>();
        for (Document o : orders.find().projection(new Document("customerId", 1).append("status", 1).append("applied", 1)
                .append("reverted", 1))) {
            String id = o.getObjectId("_id").toHexString();
            String customer = o.getString("customerId");
            java.util.Set<Object> ops = markers.getOrDefault(customer, java.util.Set.of());
            boolean wasCounted = o.getBoolean("applied", false) || ops.contains("a:" + id);
            if ("ACTIVE".equals(o.getString("status"))) {
                if (wasCounted) {
                    counted.computeIfAbsent(customer, k -> new java.util.ArrayList<>()).add(id);
                    nowProcessed.add(o.get("_id"));
                } // else: never counted; the sweep counts it
            } else if (o.getBoolean("reverted", true) || ops.contains("c:" + id)) {
                cancelled.computeIfAbsent(customer, k -> new java.util.ArrayList<>()).add(id); // out of the totals
                nowReverted.add(o.get("_id"));
            } else if (wasCounted) {
                counted.computeIfAbsent(customer, k -> new java.util.ArrayList<>()).add(id); // still in: the sweep takes it out
            } // else: cancelled before it was counted; the sweep records it so
        }
        java.util.Set<String> ids = new java.util.HashSet<>(counted.keySet());
        ids.addAll(cancelled.keySet());
        ids.addAll(markers.keySet());
        for (String customer : ids) {
            customers.updateOne(Filters.eq("_id", new ObjectId(customer)), Updates.combine(
                    Updates.set(MongoDocs.APPLIED, counted.getOrDefault(customer, java.util.List.of())),
                    Updates.set(MongoDocs.REVOKED, cancelled.getOrDefault(customer, java.util.List.of())), Updates.unset("ops")));
        }
        if (!nowProcessed.isEmpty()) {
            orders.updateMany(Filters.in("_id", nowProcessed), Updates.set("applied", true));
        }
        if (!nowReverted.isEmpty()) {
            orders.updateMany(Filters.in("_id", nowReverted), Updates.set("reverted", true));
        }
    }

    /** Schema 1: the indexes of release 0.1.0 (idempotent). */
    static void apply(MongoDatabase db) {
        MongoCollection<Document> c = db.getCollection("customers");
        IndexOptions unique = new IndexOptions().unique(true);
        c.createIndex(Indexes.ascending("emailLc"), unique.name("emailLc_unique"));
        // An {_id, version} filter is an index lookup only with this index (MONGO-COMPAT.md).
        c.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        for (String f : new String[] {"nameLc", "totalSpend", "visits", "lastPurchaseDate"}) {
            c.createIndex(Indexes.ascending(f, "_id"));
        }
        c.createIndex(Indexes.ascending("surnameLc"));
        c.createIndex(Indexes.ascending("phoneDigits"));
        MongoCollection<Document> o = db.getCollection("orders");
        o.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        o.createIndex(Indexes.descending("orderDate", "_id"));
        o.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("orderDate", "_id")));
        o.createIndex(Indexes.ascending("applied"));
        o.createIndex(Indexes.ascending("reverted"), new IndexOptions().sparse(true));
        db.getCollection("campaigns").createIndex(Indexes.descending("createdAt", "_id"));
        MongoCollection<Document> log = db.getCollection("communication_log");
        log.createIndex(Indexes.ascending("status", "leaseUntil"));
        log.createIndex(Indexes.ascending("campaignId", "status", "_id"));
        log.createIndex(Indexes.ascending("leaseOwner"));
        log.createIndex(Indexes.ascending("receiptToken"));
        db.getCollection("segments").createIndex(Indexes.ascending("nameLc"), new IndexOptions().unique(true));
    }
}
