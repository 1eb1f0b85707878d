package com.crmplatform.sync;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.MongoConsentRepository;
import com.crmplatform.customer.SqliteConsentRepository;
import com.crmplatform.customer.SqliteCustomerRepository;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.order.SqliteOrderRows;
import com.crmplatform.store.DuplicateEmailException;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.mongo.MongoDocs;
import com.crmplatform.sync.Replica.Base;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Team-mode sync between this workstation's replica and MongoDB, as ADR 0007 sets out: push the
 * outbox in order and in batches with conditional, idempotent writes ({@link Pusher}); pull the
 * change log; merge a customer changed on both sides field by field and keep what cannot be merged
 * as a conflict ({@link CentralMerge}); settle a conflict as the user chose.
 * One call at a time (the methods are synchronized); every MongoDB failure is thrown to the caller,
 * and whatever was not acknowledged stays pending for the next try.
 */
public final class SyncEngine {

    /** Told how far the first sync of an empty replica is. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    /** What one {@link #sync} did. */
    public record Outcome(int pushed, int pulled) {
    }

    static final int PULL_ENTRIES = 500;

    private final Replica replica;
    private final MongoCollection<Document> customers;
    private final MongoCollection<Document> orders;
    private final MongoChangeLog changeLog;
    private final FirstSync firstSync;
    private final Pusher pusher;
    private final CentralMerge merge;
    private final ConsentSync consent;
    /** Marks this engine's log entries, so its own pull passes over what it pushed. */
    private final String origin = new ObjectId().toHexString();
    private final CountedOrders countedOrders;

    /** @param readAhead runs the first sync's next page read while the last page is written */
    public SyncEngine(Replica replica, MongoDatabase central, OrderRepository centralOrders, Executor readAhead) {
        this(replica, central, centralOrders, new MongoChangeLog(central, Duration.ofSeconds(10)), readAhead);
    }

    SyncEngine(Replica replica, MongoDatabase central, OrderRepository centralOrders, MongoChangeLog changeLog,
               Executor readAhead) {
        this.replica = replica;
        this.customers = central.getCollection("customers");
        this.orders = central.getCollection("orders");
        this.changeLog = changeLog;
        this.firstSync = new FirstSync(replica, customers, orders, changeLog, readAhead);
        this.merge = new CentralMerge(replica);
        this.countedOrders = new CountedOrders(replica, orders);
        this.pusher = new Pusher(replica, customers, orders, centralOrders, changeLog, merge, countedOrders, origin);
        this.consent = new ConsentSync(new SqliteConsentRepository(replica.database()),
                new MongoConsentRepository(central.getCollection("consent"), "MongoDB"));
    }

    /** Brings an empty replica up to date first, then pushes and pulls until nothing is left. */
    public synchronized Outcome sync(Progress progress, BooleanSupplier cancelled) {
        firstSync(progress, cancelled);
        int pushed = 0;
        int pulled = 0;
        for (int round = 0; round < 1_000; round++) {
            int p = push();
            int q = pull();
            // After the change log's read: a read is retried over a connection a network cut left dead, a write is not.
            p += consent.push();
            q += consent.pull();
            pushed += p;
            pulled += q;
            if (p == 0 && q == 0) {
                break;
            }
        }
        return new Outcome(pushed, pulled);
    }

    /**
     * Fills an empty replica from MongoDB (see {@link FirstSync}); nothing when it was filled before.
     * Stopped (cancelled, killed, offline), it goes on at the next call.
     */
    public synchronized void firstSync(Progress progress, BooleanSupplier cancelled) {
        firstSync.run(progress, cancelled);
    }

    /**
     * Pushes the oldest pending changes, one batch ({@link Pusher#push}).
     *
     * @return how many pending rows left the outbox (not those kept back by an open conflict)
     */
    public synchronized int push() {
        return pusher.push();
    }

    // ---- pull ---------------------------------------------------------------------------------

    /**
     * Applies what other workstations wrote, from the change log, until it is read to the end (or
     * to a gap still within its grace period). Each batch is applied in one transaction together
     * with the log position, so a crash repeats a batch rather than skipping one.
     *
     * @return how many records were applied
     */
    public synchronized int pull() {
        firstSync((d, t) -> { }, () -> false);
        int applied = 0;
        long lastSeq = replica.state().lastSeq();
        while (true) {
            MongoChangeLog.Batch batch = changeLog.read(lastSeq, PULL_ENTRIES);
            List<String> refetch = replica.refetch();
            if (batch.changes().isEmpty() && batch.lastSeq() == lastSeq && refetch.isEmpty()) {
                return applied;
            }
            Set<String> customerIds = new LinkedHashSet<>(refetch);
            Set<String> orderIds = new LinkedHashSet<>();
            for (MongoChangeLog.Change change : batch.changes()) {
                if (origin.equals(change.origin())) {
                    continue; // this engine's own push: the replica has it already (its base moved when it landed)
                }
                ("orders".equals(change.collection()) ? orderIds : customerIds).add(change.recordId());
            }
            Map<String, Document> customerDocs = fetch(customers, customerIds);
            // A customer comes with the orders its totals count that are not here as they are there (see CountedOrders).
            orderIds.addAll(countedOrders.notHereAsThere(customerDocs.values(), orderIds));
            Map<String, Document> orderDocs = fetch(orders, orderIds);
            // A customer fetched again (back after a choice, or after an email clash held it out) comes
            // with its orders: those logged while it was not here were passed over.
            for (Document d : MongoDocs.findByField(orders, "customerId", refetch)) {
                String orderId = d.getObjectId("_id").toHexString();
                orderIds.add(orderId);
                orderDocs.put(orderId, d);
            }
            long seq = batch.lastSeq();
            replica.quietly(c -> {
                applyCustomers(c, customerIds, customerDocs);
                for (String id : orderIds) {
                    CentralMerge.applyOrder(c, id, orderDocs.get(id));
                }
                Replica.setLastSeq(c, seq);
                return null;
            });
            // A record fetched again that is still waiting (on a person's choice) moved nothing: a sync
            // that counted it would go round until its last round.
            Set<String> waiting = new HashSet<>(replica.refetch());
            applied += (int) customerIds.stream().filter(id -> !waiting.contains(id)).count()
                    + (int) orderIds.stream().filter(o -> orderDocs.get(o) == null
                            || !waiting.contains(orderDocs.get(o).getString("customerId"))).count();
            if (seq == lastSeq || batch.gapOpen()) {
                return applied;
            }
            lastSeq = seq;
        }
    }

    /**
     * Applies pulled customers (their central state, or null when deleted there) so that one taking
     * an email another record of the batch gives up comes after it: an email moved from one
     * customer to another, or freed by a deletion, is no conflict. A clash left after that (emails
     * swapped in a ring, say) is a conflict, as always.
     */
    private void applyCustomers(Connection c, Collection<String> ids, Map<String, Document> docs) throws SQLException {
        List<String> todo = new ArrayList<>(ids);
        Set<String> left = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            List<String> later = new ArrayList<>();
            for (String id : todo) {
                Document theirs = docs.get(id);
                Optional<Customer> holder = theirs == null ? Optional.empty() : Replica.customerByEmail(c, theirs.getString("email"));
                if (holder.isPresent() && !holder.get().id().equals(id) && left.contains(holder.get().id())) {
                    later.add(id);
                    continue;
                }
                left.remove(id);
                Replica.setRefetch(c, id, false);
                merge.applyCustomer(c, id, theirs);
            }
            if (later.size() == todo.size()) {
                left.clear(); // a ring: each is applied as it comes
            }
            todo = later;
        }
    }

    private static Map<String, Document> fetch(MongoCollection<Document> collection, Set<String> ids) {
        Map<String, Document> found = new HashMap<>();
        MongoDocs.findByIds(collection, ids).forEach(d -> found.put(d.getObjectId("_id").toHexString(), d));
        return found;
    }

    // ---- conflicts ----------------------------------------------------------------------------

    /**
     * Settles a conflict as the user chose. Mine: this workstation's value (or deletion, or kept
     * record) is pushed at the next sync, on the central version seen. Theirs: the central value is
     * written here (a deleted record is deleted here too; a record deleted here comes back at the
     * next pull).
     */
    public static void resolve(Replica replica, long conflictId, boolean mine, Instant now) {
        Conflict conflict = replica.conflict(conflictId).orElseThrow(() -> new StoreException(
                "There is no conflict " + conflictId + "; `sync conflicts` lists the open ones."));
        String id = conflict.recordId();
        replica.quietly(c -> {
            Optional<Customer> here = SqliteCustomerRepository.findIn(c, id);
            if (Replica.RECORD.equals(conflict.field())) {
                if (mine && here.isPresent()) {
                    // Pushed as a new record, with its orders; if another workstation kept it first, merged with that.
                    Optional<Base> base = Replica.base(c, id);
                    Replica.dropBase(c, id);
                    if (base.isPresent()) {
                        Replica.putBase(c, id, new Base(Base.REINSERT, base.get().fields()));
                    }
                    Outbox.add(c, "customer", id);
                    for (Order o : SqliteOrderRows.ofCustomer(c, id)) {
                        Outbox.add(c, "order", o.id());
                    }
                } else if (mine) {
                    Optional<Base> base = Replica.base(c, id);
                    Replica.putBase(c, id, new Base(conflict.theirVersion(), base.map(Base::fields).orElse(Map.of())));
                    Outbox.add(c, "customer", id);
                    Conflicts.dropAllOf(c, id); // its fields' too: the record is gone here
                } else if (here.isPresent()) {
                    Replica.deleteCustomerWithOrders(c, id);
                    Replica.dropBase(c, id);
                    Outbox.drop(c, id);
                } else {
                    Replica.dropBase(c, id);
                    Outbox.drop(c, id);
                    Replica.setRefetch(c, id, true);
                }
            } else if (mine) {
                Outbox.add(c, "customer", id);
            } else if (here.isPresent()) {
                // The latest central value this copy has seen (the base), which a pull may have moved
                // since the conflict was recorded; for an email clash, the email it had before.
                String value = Replica.base(c, id).map(b -> b.fields().get(conflict.field()))
                        .orElse(CentralMerge.CLASH.equals(conflict.theirs()) ? conflict.mine() : conflict.theirs());
                Customer x = here.get();
                try {
                    Replica.putCustomer(c, Replica.withFields(new Customer(x.id(), x.name(), x.email(), x.phone(), x.city(),
                            x.totalSpend(), x.visits(), x.lastPurchaseDate(), x.audit().touched(now, x.audit().updatedBy())),
                            Map.of(conflict.field(), value)));
                } catch (DuplicateEmailException e) {
                    String holder = Replica.customerByEmail(c, value).map(Customer::name).orElse("another customer");
                    throw new StoreException("The central email " + value + " cannot go back to " + x.name() + ": " + holder
                            + " on this computer has it now. Give one of them another email, then choose again.", e);
                }
            }
            Conflicts.drop(c, conflictId);
            return null;
        });
    }
}
