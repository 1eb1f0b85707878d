package com.crmplatform.sync;

import com.crmplatform.order.MongoOrderRepository;
import com.crmplatform.order.SqliteOrderRows;
import com.crmplatform.store.sqlite.CustomerOrderIndexes;
import com.crmplatform.store.sqlite.SqliteSchema;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;

/**
 * The first sync of an empty replica (ADR 0007): every customer, then every order, copied page
 * by page from one cursor in the server's own order (no sort: cheapest everywhere), the next page
 * read on the injected executor while the last one is written. The replica is loaded without any
 * index (not even its ids': records come in whatever order the server keeps them) and without the
 * outbox triggers. At the end the indexes the replica opens with are built (the ids' and the
 * emails' uniqueness, customers by name, orders by date and by customer); the others (searches by
 * surname or phone, the other sort orders, audience counts) follow once the replica is open, one
 * at a time ({@link Replica#buildSearchIndex}). Each page commits with the sync's place, so a
 * stopped first sync goes on at the next start: it reads the table it was copying again, and of a
 * record then copied twice the ids' index keeps the later copy. The change-log number noted before
 * the first page is where pulling begins.
 */
final class FirstSync {

    static final int PAGE = 10_000;

    private final Replica replica;
    private final MongoCollection<Document> customers;
    /** The same collection read straight into replica rows. */
    private final MongoCollection<Object[]> customerRows;
    private final MongoCollection<Document> orders;
    private final MongoChangeLog changeLog;
    private final Executor readAhead;

    FirstSync(Replica replica, MongoCollection<Document> customers, MongoCollection<Document> orders,
              MongoChangeLog changeLog, Executor readAhead) {
        this.replica = replica;
        this.customers = customers;
        this.customerRows = customers.withDocumentClass(Object[].class).withCodecRegistry(CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new CustomerRowCodec()), customers.getCodecRegistry()));
        this.orders = orders;
        this.changeLog = changeLog;
        this.readAhead = readAhead;
    }

    void run(SyncEngine.Progress progress, BooleanSupplier cancelled) {
        Replica.State state = replica.state();
        if (state.synced()) {
            return;
        }
        long from = state.firstSyncFrom();
        if (from < 0) {
            long noted = changeLog.lastNumber();
            replica.quietly(c -> {
                if (!Replica.synced(c)) {
                    Replica.setFirstSync(c, "customers", "", noted);
                }
                return null;
            });
            from = noted;
        }
        final long noted = from;
        long total = customers.estimatedDocumentCount() + orders.estimatedDocumentCount();
        long done = replica.database().read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT (SELECT COUNT(*) FROM customers) + (SELECT COUNT(*) FROM orders)")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        progress.update(done, total);
        String phase = state.firstSyncPhase();
        // Every transaction below first checks that no other process (a second window, a command
        // line) finished the first sync of this file meanwhile: then this one stops, and never takes
        // the triggers or indexes off a replica that is in use. (Indexes are taken off in either
        // phase: a half-filled file that an upgrade gave every index back loads without them again.)
        if (!"done".equals(phase) && !replica.quietly(c -> {
            if (Replica.synced(c)) {
                return false;
            }
            CustomerOrderIndexes.dropAll(c);
            Outbox.dropTriggers(c);
            return true;
        })) {
            return;
        }
        while (!"done".equals(phase)) {
            boolean isCustomers = "customers".equals(phase);
            // A page is read and turned into row values on the read-ahead thread; the writer only binds them.
            Function<Object, Object> convert = isCustomers ? row -> row : d -> MongoOrderRepository.fromDocument((Document) d);
            try (MongoCursor<?> cursor = (isCustomers ? customerRows : orders).find().batchSize(PAGE).iterator()) {
                CompletableFuture<List<Object>> next = CompletableFuture.supplyAsync(() -> page(cursor, convert), readAhead);
                while (true) {
                    if (cancelled.getAsBoolean()) {
                        next.handle((page, e) -> null).join(); // the read in flight ends before the cursor closes
                        return;
                    }
                    List<Object> page = next.join();
                    boolean last = page.size() < PAGE;
                    if (!last) { // the cursor is used by one read at a time: the next starts after this one ended
                        next = CompletableFuture.supplyAsync(() -> page(cursor, convert), readAhead);
                    }
                    String nextPhase = last ? (isCustomers ? "orders" : "done") : phase;
                    boolean written = replica.quietly(c -> {
                        if (Replica.synced(c)) {
                            return false;
                        }
                        if (isCustomers) {
                            Replica.copyCustomers(c, cast(page));
                        } else {
                            SqliteOrderRows.insert(c, cast(page));
                        }
                        Replica.setFirstSync(c, nextPhase, "", noted);
                        if ("done".equals(nextPhase)) {
                            CustomerOrderIndexes.createFirst(c); // the rest: Replica.buildSearchIndex
                            Outbox.createTriggers(c);
                            Replica.setLastSeq(c, noted);
                        }
                        return true;
                    });
                    if (!written) {
                        next.handle((p, e) -> null).join();
                        return;
                    }
                    done += page.size();
                    progress.update(Math.min(done, total), Math.max(done, total));
                    phase = nextPhase;
                    if (last) {
                        break;
                    }
                }
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    private static List<Object> page(MongoCursor<?> cursor, Function<Object, Object> convert) {
        List<Object> page = new ArrayList<>(PAGE);
        while (page.size() < PAGE && cursor.hasNext()) {
            page.add(convert.apply(cursor.next()));
        }
        return page;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<Object> page) {
        return (List<T>) page;
    }
}
