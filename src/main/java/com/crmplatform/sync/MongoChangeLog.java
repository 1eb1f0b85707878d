package com.crmplatform.sync;

import com.crmplatform.store.mongo.MongoDocs;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.bson.Document;

/**
 * The central change log team-mode sync pulls from (ADR 0007): one entry per central write, keyed
 * by a sequence number from a counter document. Writes from several workstations commit out of
 * order, so a puller only moves past a sequence number once its entry is there, and closes a gap
 * that stays open longer than a grace period (a writer that died between taking the number and
 * writing the entry) with a {@code skip} entry. The unique {@code _id} decides the race with a late
 * writer: whichever insert comes second fails, and a writer that lost writes its entry again under
 * a new number. So every entry is seen by every puller, once, on MongoDB and on the stand-in alike
 * (no transactions or change streams needed).
 */
/** One instance per puller (it remembers the gaps it is waiting on); writers may share one. */
public final class MongoChangeLog {

    /** One change: which record of which collection, at which version (-1: deleted, or part of a batch entry). */
    public record Change(long seq, String collection, String recordId, long version, String origin) {

        public Change(long seq, String collection, String recordId, long version) {
            this(seq, collection, recordId, version, null);
        }
    }

    /** What a read brings: the changes in order, and the number to read after next time. */
    public record Batch(List<Change> changes, long lastSeq, boolean gapOpen) {
    }

    static final String COUNTER_ID = "changes";

    private final MongoCollection<Document> log;
    private final MongoCollection<Document> counters;
    private final Duration grace;
    private final LongSupplier nanoClock;
    private final Runnable afterNumberTaken;
    /** Gaps this puller has seen, by sequence number, with when it first saw each (its own clock). */
    private final Map<Long, Long> gapsSeenAt = new HashMap<>();
    /** Numbers this writer took whose entry it could not confirm (see {@link #closeAbandoned}). */
    private final java.util.Set<Long> abandoned = new java.util.LinkedHashSet<>();

    public MongoChangeLog(MongoDatabase database, Duration grace) {
        this(database, grace, System::nanoTime, () -> { });
    }

    /** @param afterNumberTaken runs between taking a number and writing the entry (tests make writes late) */
    MongoChangeLog(MongoDatabase database, Duration grace, LongSupplier nanoClock, Runnable afterNumberTaken) {
        this.log = database.getCollection("changes");
        this.counters = database.getCollection("meta");
        this.grace = grace;
        this.nanoClock = nanoClock;
        this.afterNumberTaken = afterNumberTaken;
    }

    /** Records a change; returns its sequence number. Call after the record's own write succeeded. */
    public long append(String collection, String recordId, long version) {
        return write(new Document("c", collection).append("r", recordId).append("v", version));
    }

    /**
     * Records changes to many records of one collection as one entry (a pushed batch): pullers
     * fetch each record's current state, so one number for the lot is enough. Nothing for none.
     */
    public void appendAll(String collection, java.util.Collection<String> recordIds) {
        appendAll(collection, recordIds, null);
    }

    /** @param origin who wrote the changes (a puller may pass over its own), or null */
    public void appendAll(String collection, java.util.Collection<String> recordIds, String origin) {
        if (!recordIds.isEmpty()) {
            Document entry = new Document("c", collection).append("ids", new ArrayList<>(recordIds));
            if (origin != null) {
                entry.append("o", origin);
            }
            write(entry);
        }
    }

    /**
     * Whether any entry for this record was written by someone other than {@code origin} (another
     * workstation, or an earlier run of this one: the answer errs towards "yes").
     */
    public boolean writtenByOthers(String collection, String recordId, String origin) {
        return log.countDocuments(Filters.and(Filters.eq("c", collection), Filters.eq("ids", recordId),
                Filters.ne("o", origin))) > 0;
    }

    private long write(Document entry) {
        closeAbandoned();
        while (true) {
            long seq = takeNumber();
            afterNumberTaken.run();
            try {
                Document numbered = new Document("_id", seq);
                numbered.putAll(entry);
                log.insertOne(numbered);
                return seq;
            } catch (MongoWriteException e) {
                if (!MongoDocs.isDuplicateKey(e)) {
                    abandoned.add(seq);
                    throw e;
                }
                // A puller gave this number up for lost (we were slower than the grace period): take a new one.
            } catch (com.mongodb.MongoException e) {
                abandoned.add(seq); // the connection dropped: whether the entry is there is not known
                throw e;
            }
        }
    }

    /**
     * Numbers this writer took but could not be sure it wrote (the connection dropped): closed with
     * a skip entry as soon as it can (if the entry did land, the skip is refused and changes
     * nothing), so pullers are not held up for the whole grace period. The change itself is
     * logged again by the retried push.
     */
    private void closeAbandoned() {
        for (java.util.Iterator<Long> it = abandoned.iterator(); it.hasNext(); ) {
            closeGap(it.next());
            it.remove();
        }
    }

    /** The highest number handed out so far (0 when none). */
    public long lastNumber() {
        Document counter = counters.find(Filters.eq("_id", COUNTER_ID)).first();
        return counter == null ? 0 : ((Number) counter.get("next")).longValue();
    }

    private long takeNumber() {
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", COUNTER_ID), Updates.inc("next", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("next")).longValue();
    }

    /**
     * Reads the changes after {@code after}, in order, up to the first gap still within its grace
     * period. A gap older than that is closed with a skip entry (or, if its writer got there first,
     * read on the next call).
     *
     * @param limit the most entries to look at in one read
     */
    public Batch read(long after, int limit) {
        closeAbandoned();
        long ceiling = lastNumber();
        List<Change> changes = new ArrayList<>();
        long expected = after + 1;
        boolean gapOpen = false;
        List<Document> page = log.find(Filters.gt("_id", after)).sort(Sorts.ascending("_id")).limit(limit)
                .into(new ArrayList<>());
        int i = 0;
        while (expected <= ceiling && i <= page.size()) {
            Document entry = i < page.size() ? page.get(i) : null;
            long seq = entry == null ? Long.MAX_VALUE : ((Number) entry.get("_id")).longValue();
            if (seq == expected) {
                if (entry.containsKey("ids")) {
                    for (String id : entry.getList("ids", String.class)) {
                        changes.add(new Change(seq, entry.getString("c"), id, -1, entry.getString("o")));
                    }
                } else if (!entry.containsKey("skip")) {
                    changes.add(new Change(seq, entry.getString("c"), entry.getString("r"),
                            ((Number) entry.get("v")).longValue()));
                }
                gapsSeenAt.remove(expected);
                expected++;
                i++;
                continue;
            }
            if (entry == null && page.size() == limit) {
                break; // the page ended: the rest is for the next read
            }
            // expected has a number but no entry: a write in flight, or one that will never come.
            long firstSeen = gapsSeenAt.computeIfAbsent(expected, k -> nanoClock.getAsLong());
            if (nanoClock.getAsLong() - firstSeen < grace.toNanos() || !closeGap(expected)) {
                gapOpen = true;
                break;
            }
            gapsSeenAt.remove(expected);
            expected++;
        }
        return new Batch(List.copyOf(changes), expected - 1, gapOpen);
    }

    /** @return true when the skip entry went in; false when the late writer's entry is there after all */
    private boolean closeGap(long seq) {
        try {
            log.insertOne(new Document("_id", seq).append("skip", true));
            return true;
        } catch (MongoWriteException e) {
            if (!MongoDocs.isDuplicateKey(e)) {
                throw e;
            }
            return false;
        }
    }
}
