package com.crmplatform.delivery;

import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.mongo.MongoDocs;
import com.crmplatform.store.mongo.MongoSchema;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The communication log in MongoDB. Claims and receipt batches are a few round trips each,
 * whatever the batch size: a token written with the update tells afterwards which documents that
 * update changed.
 */
public final class MongoCommunicationLogRepository implements CommunicationLogRepository {

    /** On a campaign: the receipt batches whose outcomes its counters include (while they are being counted). */
    static final String COUNTED = "countedBatches";
    /** On a log entry: its outcome is written but not yet in its campaign's counters. */
    static final String UNCOUNTED = "uncounted";
    /** How long a counted batch's token is kept on its campaign. */
    static final Duration TOKEN_KEPT = Duration.ofHours(1);
    /** How often a worker sweeps for batches a crashed worker left uncounted. */
    static final Duration SWEEP_AGE = Duration.ofMinutes(2);
    private volatile long nextSweep = System.nanoTime() + SWEEP_AGE.toNanos();

    private final MongoCollection<Document> log;
    private final MongoCollection<Document> campaigns;
    private final String where;

    public MongoCommunicationLogRepository(MongoCollection<Document> log, MongoCollection<Document> campaigns, String where) {
        this.log = log;
        this.campaigns = campaigns;
        this.where = where;
    }

    @Override
    public List<LogEntry> claim(String worker, Instant now, Duration lease, int limit) {
        if (System.nanoTime() > nextSweep) { // a batch a crashed worker left is counted while this one runs
            nextSweep = System.nanoTime() + SWEEP_AGE.toNanos();
            countInterruptedBatches();
        }
        return MongoDocs.guard(where, () -> {
            Bson free = Filters.and(Filters.eq("status", "PENDING"), Filters.lt("leaseUntil", now.toEpochMilli()));
            List<Object> ids = log.find(free).projection(new Document("_id", 1)).limit(limit)
                    .map(d -> d.get("_id")).into(new ArrayList<>());
            if (ids.isEmpty()) {
                return List.of();
            }
            String token = worker + "/" + new ObjectId().toHexString();
            log.updateMany(Filters.and(Filters.in("_id", ids), free), Updates.combine(Updates.set("leaseOwner", token),
                    Updates.set("leaseUntil", now.plus(lease).toEpochMilli())));
            return log.find(Filters.eq("leaseOwner", token)).map(MongoCommunicationLogRepository::fromDocument)
                    .into(new ArrayList<>());
        });
    }

    @Override
    public void renewLeases(String worker, Instant now, Duration lease) {
        MongoDocs.guard(where, () -> log.updateMany(Filters.and(Filters.eq("status", "PENDING"),
                Filters.regex("leaseOwner", "^" + Pattern.quote(worker) + "/")),
                Updates.set("leaseUntil", now.plus(lease).toEpochMilli())));
    }

    @Override
    public Map<String, Outcomes> applyReceipts(List<Receipt> receipts, Instant now) {
        if (receipts.isEmpty()) {
            return Map.of();
        }
        return MongoDocs.guard(where, () -> {
            String token = new ObjectId().toHexString();
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Receipt r : receipts) {
                writes.add(new UpdateOneModel<>(pendingAttempt(r), finish(r, now, token)));
            }
            log.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return countBatch(token);
        });
    }

    /**
     * Adds a receipt batch's outcomes to its campaigns' counters exactly once: the campaign
     * document records the batch's token in the same atomic update that moves its counters, so a
     * batch counted again (by the sweep after a crash, or by another process) changes nothing.
     */
    private Map<String, Outcomes> countBatch(String token) {
        Map<String, Outcomes> outcomes = new HashMap<>();
        for (Document g : log.aggregate(List.of(Aggregates.match(Filters.eq("receiptToken", token)),
                    Aggregates.group(new Document("campaignId", "$campaignId").append("status", "$status"),
                            Accumulators.sum("n", 1))))) {
                Document id = (Document) g.get("_id");
                long n = ((Number) g.get("n")).longValue();
                if (!"SENT".equals(id.getString("status")) && !"FAILED".equals(id.getString("status"))) {
                    continue; // sent again since: its new attempt is counted with its own batch
                }
                boolean sent = "SENT".equals(id.getString("status"));
                outcomes.merge(id.getString("campaignId"), new Outcomes(sent ? n : 0, sent ? 0 : n), Outcomes::plus);
        }
        for (Map.Entry<String, Outcomes> e : outcomes.entrySet()) {
            Bson id = Filters.eq("_id", MongoDocs.oid(e.getKey()));
            countOnce(id, token, e.getValue());
            campaigns.updateOne(Filters.and(id, MongoSchema.campaignCompleted()), Updates.set("status", "COMPLETED"));
        }
        log.updateMany(Filters.eq("receiptToken", token), Updates.unset(UNCOUNTED));
        // The token stays on the campaign: a sweep that saw the batch uncounted a moment ago may still
        // count it, and must find it there. Old ones are pruned by the sweep (see below).
        return outcomes;
    }

    /**
     * Drops counted-batch tokens older than {@link #TOKEN_KEPT} that no entry waits to be counted
     * with: no entry can get such a token any more, and no sweep is that slow.
     */
    private void pruneCountedTokens(java.time.Instant now) {
        for (Document c : campaigns.find(Filters.exists(COUNTED + ".0")).projection(new Document(COUNTED, 1))) {
            for (Object entry : c.getList(COUNTED, Object.class, List.of())) {
                String token = entry instanceof Document d ? d.getString("t") : String.valueOf(entry);
                boolean old = ObjectId.isValid(token)
                        && new ObjectId(token).getDate().toInstant().isBefore(now.minus(TOKEN_KEPT));
                if (old && log.countDocuments(Filters.and(Filters.eq("receiptToken", token), Filters.eq(UNCOUNTED, true))) == 0) {
                    campaigns.updateOne(Filters.eq("_id", c.get("_id")), Updates.pull(COUNTED, entry));
                }
            }
        }
    }

    /**
     * Brings a campaign's counters to include this batch's outcomes as they are now: the campaign
     * records, per batch, what it has counted of it, and each step adds only the difference, on the
     * condition that the record is what was read. A sweep that counts a batch a live worker is still
     * writing counts part of it; the worker's own count then adds the rest. A smaller count than the
     * one recorded (a stale view) changes nothing.
     */
    private void countOnce(Bson campaign, String token, Outcomes now) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Document c = campaigns.find(campaign).projection(new Document(COUNTED, 1)).first();
            if (c == null) {
                return;
            }
            Document recorded = null;
            for (Object o : c.getList(COUNTED, Object.class, List.of())) {
                if (o instanceof Document d && token.equals(d.getString("t"))) {
                    recorded = d;
                }
            }
            if (recorded == null) {
                if (campaigns.updateOne(Filters.and(campaign, Filters.ne(COUNTED + ".t", token)), Updates.combine(
                        Updates.inc("sent", now.sent()), Updates.inc("failed", now.failed()),
                        Updates.push(COUNTED, new Document("t", token).append("s", now.sent()).append("f", now.failed()))))
                        .getMatchedCount() == 1) {
                    return;
                }
                continue;
            }
            long s0 = ((Number) recorded.get("s")).longValue();
            long f0 = ((Number) recorded.get("f")).longValue();
            if (now.sent() <= s0 && now.failed() <= f0) {
                return; // counted already (or this view is older than the one counted)
            }
            long s = Math.max(s0, now.sent());
            long f = Math.max(f0, now.failed());
            if (campaigns.updateOne(Filters.and(campaign, Filters.elemMatch(COUNTED, Filters.and(Filters.eq("t", token),
                    Filters.eq("s", s0), Filters.eq("f", f0)))), Updates.combine(Updates.inc("sent", s - s0),
                    Updates.inc("failed", f - f0), Updates.set(COUNTED + ".$.s", s), Updates.set(COUNTED + ".$.f", f)))
                    .getMatchedCount() == 1) {
                return;
            }
        }
    }

    /**
     * Counts the receipt batches a crash left uncounted; returns how many. A batch a live worker is
     * still writing may be among them: counting is by difference (see countOnce), so the worker's own
     * count later adds what this one did not see, and no clock is compared with another machine's.
     */
    public int countInterruptedBatches() {
        return MongoDocs.guard(where, () -> {
            List<String> tokens = log.distinct("receiptToken", Filters.eq(UNCOUNTED, true), String.class).into(new ArrayList<>());
            tokens.forEach(this::countBatch);
            pruneCountedTokens(java.time.Instant.now());
            return tokens.size();
        });
    }

    private static Bson pendingAttempt(Receipt r) {
        return Filters.and(Filters.eq("_id", r.entryId()), Filters.eq("attempt", r.attempt()), Filters.eq("status", "PENDING"));
    }

    private static Bson finish(Receipt r, Instant now, String token) {
        return Updates.combine(Updates.set("status", r.delivered() ? "SENT" : "FAILED"), Updates.set("updatedAt", Date.from(now)),
                Updates.set("leaseOwner", ""), Updates.set("receiptToken", token), Updates.set(UNCOUNTED, true),
                Updates.set("reason", r.delivered() ? "" : r.reason()));
    }

    @Override
    public int resendFailed(String campaignId, Instant now) {
        return MongoDocs.guard(where, () -> {
            // Only failures already in the counters: one whose batch is still being counted waits for the count.
            int n = (int) log.updateMany(Filters.and(Filters.eq("campaignId", campaignId), Filters.eq("status", "FAILED"),
                    Filters.exists(UNCOUNTED, false)),
                    Updates.combine(Updates.set("status", "PENDING"), Updates.inc("attempt", 1), Updates.set("leaseUntil", 0L),
                            Updates.set("leaseOwner", ""), Updates.set("updatedAt", Date.from(now)))).getModifiedCount();
            if (n > 0) {
                campaigns.updateOne(Filters.eq("_id", MongoDocs.oid(campaignId)),
                        Updates.combine(Updates.inc("failed", -n), Updates.set("status", "RUNNING")));
            }
            return n;
        });
    }

    @Override
    public Map<DeliveryStatus, Long> countByStatus(String campaignId) {
        return MongoDocs.guard(where, () -> {
            Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
            for (DeliveryStatus s : DeliveryStatus.values()) {
                counts.put(s, 0L);
            }
            for (Document g : log.aggregate(List.of(Aggregates.match(Filters.eq("campaignId", campaignId)),
                    Aggregates.group("$status", Accumulators.sum("n", 1))))) {
                counts.put(DeliveryStatus.valueOf(g.getString("_id")), ((Number) g.get("n")).longValue());
            }
            return counts;
        });
    }

    @Override
    public long countPending() {
        return MongoDocs.guard(where, () -> log.countDocuments(Filters.eq("status", "PENDING")));
    }

    @Override
    public Page<LogEntry> page(String campaignId, DeliveryStatus status, String search, PageRequest request) {
        List<Bson> and = new ArrayList<>(List.of(Filters.eq("campaignId", campaignId)));
        if (status != null) {
            and.add(Filters.eq("status", status.name()));
        }
        if (search != null && !search.isBlank()) {
            String q = Pattern.quote(search.strip());
            and.add(Filters.or(Filters.regex("customerName", Pattern.compile("(^|\\s)" + q, Pattern.CASE_INSENSITIVE)),
                    Filters.regex("customerEmail", Pattern.compile("^" + q, Pattern.CASE_INSENSITIVE))));
        }
        boolean ascending = !request.backwards();
        var cursor = request.after() != null ? request.after() : request.before();
        if (cursor != null) {
            and.add(ascending ? (request.inclusive() ? Filters.gte("_id", cursor.id()) : Filters.gt("_id", cursor.id()))
                    : Filters.lt("_id", cursor.id()));
        }
        return MongoDocs.guard(where, () -> Page.fromFetched(log.find(Filters.and(and)).sort(ascending ? Sorts.ascending("_id")
                : Sorts.descending("_id")).limit(request.limit() + 1).map(MongoCommunicationLogRepository::fromDocument)
                .into(new ArrayList<>()), request));
    }

    static LogEntry fromDocument(Document d) {
        return new LogEntry(d.getString("_id"), d.getString("campaignId"), d.getString("customerId"),
                d.getString("customerName"), d.getString("customerEmail"), Channel.of(d.getString("channel")),
                d.get("subject", ""), d.getString("message"), DeliveryStatus.valueOf(d.getString("status")),
                ((Number) d.get("attempt")).intValue(), d.getDate("updatedAt").toInstant(), d.get("reason", ""));
    }
}
