package com.crmplatform.customer;

import com.crmplatform.store.mongo.MongoDocs;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Consent in MongoDB: one document per address ({@code _id} the address in lower case). A change
 * is an upsert that applies only over an older record; over a later one the upsert's insert
 * collides with the existing id and is left out, which is the later-record-holds rule.
 */
public final class MongoConsentRepository implements ConsentRepository {

    private final MongoCollection<Document> consent;
    private final String where;

    public MongoConsentRepository(MongoCollection<Document> consent, String where) {
        this.consent = consent;
        this.where = where;
    }

    @Override
    public void record(Collection<Consent> changes) {
        if (changes.isEmpty()) {
            return;
        }
        MongoDocs.guard(where, () -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Consent x : changes) {
                writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", x.email()), Filters.lte("at", Date.from(x.at()))),
                        Updates.combine(Updates.set("state", x.state().name()), Updates.set("at", Date.from(x.at())),
                                Updates.set("how", x.how())), new UpdateOptions().upsert(true)));
            }
            try {
                consent.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                    throw e;
                } // a later record is there already: it holds
            }
            return null;
        });
    }

    @Override
    public Map<String, Consent> find(Collection<String> emails) {
        List<String> keys = emails.stream().map(Customer::emailKey).distinct().toList();
        return MongoDocs.guard(where, () -> {
            Map<String, Consent> out = new HashMap<>();
            for (Document d : consent.find(Filters.in("_id", keys))) {
                Consent c = fromDocument(d);
                out.put(c.email(), c);
            }
            return out;
        });
    }

    @Override
    public long countUnsubscribed() {
        return MongoDocs.guard(where, () -> consent.countDocuments(Filters.eq("state", "UNSUBSCRIBED")));
    }

    /** How many records there are and the newest one's time: a replica reads them all again when it moves. */
    public String fingerprint() {
        return MongoDocs.guard(where, () -> {
            Document newest = consent.find().sort(new Document("at", -1)).limit(1).first();
            return consent.countDocuments() + "/" + (newest == null ? "" : newest.getDate("at").getTime());
        });
    }

    /** Every record, for a replica to compare with its own. */
    public List<Consent> all() {
        return MongoDocs.guard(where, () -> consent.find().map(MongoConsentRepository::fromDocument).into(new ArrayList<>()));
    }

    static Consent fromDocument(Document d) {
        return new Consent(d.getString("_id"), Consent.State.valueOf(d.getString("state")),
                d.getDate("at") == null ? Instant.EPOCH : d.getDate("at").toInstant(), d.get("how", ""));
    }
}
