package com.crmplatform.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/** The central store's collections' indexes, created (idempotently) at start-up. */
public final class MongoSchema {

    private MongoSchema() {
    }

    /** A campaign document whose messages all have an outcome (CampaignStatus.afterDelivery, as a filter). */
    public static org.bson.conversions.Bson campaignCompleted() {
        return com.mongodb.client.model.Filters.expr(new Document("$gte", java.util.List.of(
                new Document("$add", java.util.List.of("$sent", "$failed")), "$audienceSize")));
    }

    public static void apply(MongoDatabase db) {
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
