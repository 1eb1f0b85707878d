package com.crmplatform.sync;

import static com.crmplatform.store.mongo.MongoDocs.oid;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.customer.SearchKeys;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.mongo.MongoDocs;
import com.crmplatform.sync.Replica.Base;
import com.crmplatform.sync.Outbox.Pending;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The push half of team-mode sync (ADR 0007): this workstation's pending changes to MongoDB, the
 * oldest first and a batch at a time, with conditional writes that a retry can repeat safely. A
 * record changed centrally since its base is merged first ({@link CentralMerge}); an edit against
 * a central deletion, or a deletion against a central edit, is kept as a conflict. Called by
 * {@link SyncEngine}, one call at a time.
 */
final class Pusher {

    static final int PUSH_BATCH = 10_000;
    /** How often a write is retried against a record that keeps changing centrally meanwhile. */
    private static final int MAX_RACES = 10;

    private final Replica replica;
    private final MongoCollection<Document> customers;
    private final MongoCollection<Document> orders;
    private final MongoChangeLog changeLog;
    private final CentralMerge merge;
    /** Marks the change-log entries of this workstation's engine (its own pull passes over them). */
    private final String origin;
    private final OrderPusher orderPusher;
    private final CountedOrders countedOrders;

    Pusher(Replica replica, MongoCollection<Document> customers, MongoCollection<Document> orders,
           OrderRepository centralOrders, MongoChangeLog changeLog, CentralMerge merge, CountedOrders countedOrders,
           String origin) {
        this.replica = replica;
        this.customers = customers;
        this.orders = orders;
        this.changeLog = changeLog;
        this.merge = merge;
        this.origin = origin;
        this.countedOrders = countedOrders;
        this.orderPusher = new OrderPusher(replica, customers, centralOrders);
    }

    /**
     * Pushes the oldest pending changes (one batch): new customers in one bulk insert, edits as
     * conditional updates on the base version (a stale one is merged, not written over), orders
     * through the central repository's exactly-once counting, deletions conditionally. Rows leave
     * the outbox only after MongoDB acknowledged their effect, and each central write is logged
     * for the other workstations.
     *
     * @return how many pending rows left the outbox (those kept back, waiting on a person's choice, are
     *     not counted: a sync stops when nothing else moves)
     */
    int push() {
        List<Pending> rows = replica.pending(PUSH_BATCH);
        if (rows.isEmpty()) {
            return 0;
        }
        Set<String> customerIds = new LinkedHashSet<>();
        Set<String> orderIds = new LinkedHashSet<>();
        for (Pending p : rows) {
            ("order".equals(p.kind()) ? orderIds : customerIds).add(p.recordId());
        }
        Set<String> kept = new HashSet<>();
        Set<String> loggedCustomers = new LinkedHashSet<>();
        Set<String> loggedOrders = new LinkedHashSet<>();

        List<Customer> inserts = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        Replica.Outgoing outgoing = replica.outgoing(customerIds);
        Map<String, Customer> mine = outgoing.customers();
        Map<String, Base> bases = outgoing.bases();
        Map<String, List<String>> held = replica.conflictFields();
        for (String id : customerIds) {
            if (held.getOrDefault(id, List.of()).contains(Replica.RECORD)) {
                kept.add(id);
                continue;
            }
            // Every record of the batch is logged, changed now or by an earlier try whose log entry was lost.
            loggedCustomers.add(id);
            Customer here = mine.get(id);
            if (here == null) {
                deletes.add(id);
            } else if (!bases.containsKey(id) || bases.get(id).reinsert()) {
                inserts.add(here);
            } else if (!changedFields(here, bases.get(id), held.getOrDefault(id, List.of())).isEmpty()) {
                updates.add(id);
            }
        }
        // Deletions first, then edits, then new records: an email given up here is free centrally
        // before another record here takes it (else a new customer would be taken for the old one).
        for (String id : deletes) {
            deleteCustomer(id, loggedCustomers);
        }
        for (String id : updates) {
            updateCustomer(id, loggedCustomers, kept);
        }
        Map<String, Base> landed = new LinkedHashMap<>(
                insertCustomers(Replica.withOpeningTotals(inserts, outgoing.activeOrders()), loggedCustomers, kept));
        // What waits was not written: logging it would make every other workstation fetch it again at
        // each push. (A customer whose orders go now is logged again by them: its totals moved.)
        loggedCustomers.removeAll(kept);
        orderPusher.push(orderIds, kept, loggedCustomers, loggedOrders, landed);
        loggedOrders.removeAll(kept);
        changeLog.appendAll("customers", loggedCustomers, origin);
        changeLog.appendAll("orders", loggedOrders, origin);
        replica.quietly(c -> {
            Replica.putBases(c, landed);
            Outbox.donePushing(c, rows, kept);
            return null;
        });
        return (int) rows.stream().filter(p -> !kept.contains(p.recordId())).count();
    }

    /**
     * @param kept gets the new customers that have to wait: their email is still, centrally, on a
     *     record of this workstation's whose own change (giving it up) has not gone yet
     * @return the bases of the customers that went in (written with the batch's end, in one transaction)
     */
    private Map<String, Base> insertCustomers(List<Customer> inserts, Set<String> logged, Set<String> kept) {
        if (inserts.isEmpty()) {
            return Map.of();
        }
        Set<Integer> failed = new HashSet<>();
        try {
            customers.insertMany(inserts.stream().map(MongoCustomerRepository::toDocument).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                failed.add(error.getIndex());
            }
        }
        Map<String, Base> landed = new LinkedHashMap<>();
        for (int i = 0; i < inserts.size(); i++) {
            Customer x = inserts.get(i);
            if (!failed.contains(i)) {
                landed.put(x.id(), new Base(x.version(), Replica.fields(x)));
                logged.add(x.id());
            }
        }
        for (int i : failed) {
            Customer x = inserts.get(i);
            Document same = customers.find(Filters.eq("_id", oid(x.id()))).first();
            if (same != null) {
                // Landed before: an earlier push of ours (its acknowledgement lost), or another workstation's
                // keeping it against the same deletion. Merged against what this one knows, then pushed.
                List<Document> itsOrders = countedOrders.of(same);
                replica.quietly(c -> {
                    Map<String, String> central = Replica.fields(MongoCustomerRepository.fromDocument(same));
                    if (Replica.base(c, x.id()).isEmpty()) { // kept against a deletion: it has the base it had
                        // What was sent is not known (it may have changed here since, and there): a
                        // field that differs is a conflict unless one side is blank.
                        Replica.putBase(c, x.id(), new Base(CentralMerge.version(same), CentralMerge.unknownBase(Replica.fields(x), central)));
                    }
                    merge.applyCustomer(c, x.id(), same);
                    applyOrders(c, itsOrders);
                    return null;
                });
                updateCustomer(x.id(), logged, kept);
                continue;
            }
            Document sameEmail = customers.find(Filters.eq("emailLc", x.emailKey())).first();
            if (sameEmail == null || holdsOursWaiting(sameEmail, kept)) {
                kept.add(x.id()); // it goes after that record's change, not into that record
                continue;
            }
            String theirId = sameEmail.getObjectId("_id").toHexString();
            // The orders its totals count come with it (this workstation may not have pulled them yet).
            List<Document> theirOrders = countedOrders.of(sameEmail);
            // The same person was entered elsewhere first: this record becomes that one, merged field by field.
            replica.quietly(c -> {
                replica.customer(x.id()).ifPresent(mine -> merge.adoptQuietly(c, mine, sameEmail));
                applyOrders(c, theirOrders);
                return null;
            });
            logged.add(theirId);
            updateCustomer(theirId, logged, kept);
        }
        return landed;
    }

    /**
     * Pushes the fields changed here since the base, on the base version; a stale base is merged
     * first. A new email that another record of ours still has centrally, its own change waiting
     * here, makes this record wait (in {@code kept}) rather than conflict.
     */
    private void updateCustomer(String id, Set<String> logged, Set<String> kept) {
        for (int attempt = 0; attempt < MAX_RACES; attempt++) {
            Optional<Customer> found = replica.customer(id);
            Optional<Base> foundBase = replica.base(id);
            if (found.isEmpty() || foundBase.isEmpty()) {
                return;
            }
            Customer mine = found.get();
            Base base = foundBase.get();
            Map<String, String> diff = changedFields(mine, base, replica.conflictFields(id));
            if (diff.isEmpty()) {
                return;
            }
            List<Bson> sets = new ArrayList<>();
            diff.forEach((f, v) -> sets.add(Updates.set(f, v)));
            if (diff.containsKey("name")) {
                String nameKey = SearchKeys.nameKey(mine.name());
                sets.add(Updates.set("nameLc", nameKey));
                sets.add(Updates.set("surnameLc", SearchKeys.surnameOf(nameKey)));
            }
            if (diff.containsKey("email")) {
                sets.add(Updates.set("emailLc", mine.emailKey()));
            }
            if (diff.containsKey("phone")) {
                sets.add(Updates.set("phoneDigits", SearchKeys.phoneKey(mine.phone())));
            }
            sets.add(Updates.set("updatedAt", Date.from(mine.audit().updatedAt())));
            sets.add(Updates.set("updatedBy", mine.audit().updatedBy()));
            sets.add(Updates.inc("version", 1L));
            long matched;
            try {
                matched = customers.updateOne(MongoDocs.atVersion(id, base.version()), Updates.combine(sets)).getMatchedCount();
            } catch (MongoException e) {
                if (!MongoDocs.isDuplicateKey(e)) {
                    throw e;
                }
                if (emailFreedByUs(mine.emailKey(), kept)) {
                    kept.add(id);
                    return;
                }
                replica.quietly(c -> {
                    Conflicts.add(c, id, mine.email(), "email", mine.email(), CentralMerge.CLASH, -1);
                    return null;
                });
                return;
            }
            if (matched == 1) {
                Map<String, String> now = new LinkedHashMap<>(base.fields());
                now.putAll(diff);
                replica.quietly(c -> {
                    Replica.putBase(c, id, new Base(base.version() + 1, now));
                    return null;
                });
                logged.add(id);
                return;
            }
            Document theirs = customers.find(Filters.eq("_id", oid(id))).first();
            List<Document> itsOrders = countedOrders.of(theirs);
            replica.quietly(c -> {
                merge.applyCustomer(c, id, theirs); // merges, records conflicts, moves the base to theirs
                applyOrders(c, itsOrders);
                return null;
            });
            if (theirs == null) {
                return;
            }
        }
        throw new StoreException("Customer " + id + " kept changing centrally while it was being pushed; it is tried again at the next sync.");
    }

    /** Central orders of a customer just written here from MongoDB (see {@link CountedOrders}). */
    private static void applyOrders(Connection c, List<Document> centralOrders) throws SQLException {
        for (Document o : centralOrders) {
            CentralMerge.applyOrder(c, o.getObjectId("_id").toHexString(), o);
        }
    }

    /**
     * Whether the central customer with this email will give it up once this workstation's waiting
     * change (a new address, a deletion; on a conflict perhaps) goes, or has given it up meanwhile.
     */
    private boolean emailFreedByUs(String emailKey, Set<String> kept) {
        Document holder = customers.find(Filters.eq("emailLc", emailKey)).first();
        return holder == null || holdsOursWaiting(holder, kept);
    }

    /**
     * Whether this central customer is one this workstation has a change of, not pushed yet, that is
     * not itself waiting in this push (two records waiting on each other, emails swapped, would
     * wait for ever: the second becomes an email clash a person settles).
     */
    private boolean holdsOursWaiting(Document central, Set<String> kept) {
        String holderId = central.getObjectId("_id").toHexString();
        return !kept.contains(holderId) && replica.database().read(c -> Outbox.hasLocalChanges(c, holderId));
    }

    /** The fields changed here since the base, except those held by an open conflict. */
    private static Map<String, String> changedFields(Customer mine, Base base, List<String> held) {
        Map<String, String> diff = new LinkedHashMap<>();
        Replica.fields(mine).forEach((f, v) -> {
            if (!Objects.equals(base.fields().get(f), v) && !held.contains(f)) {
                diff.put(f, v);
            }
        });
        return diff;
    }

    /**
     * Deletes a customer centrally at the base version; if it was edited there meanwhile, that is a
     * conflict. One without a base was never acknowledged here, but an earlier push may have put it
     * there all the same (its acknowledgement lost to a cut): then it goes at the version found,
     * unless someone else wrote to it since, which is a conflict too.
     */
    private void deleteCustomer(String id, Set<String> logged) {
        Optional<Base> found = replica.base(id);
        if (found.isEmpty()) {
            Document landed = customers.find(Filters.eq("_id", oid(id))).first();
            if (landed == null) {
                return;
            }
            Base asFound = new Base(CentralMerge.version(landed), Replica.fields(MongoCustomerRepository.fromDocument(landed)));
            if (changeLog.writtenByOthers("customers", id, origin)) {
                replica.quietly(c -> {
                    Conflicts.add(c, id, landed.getString("email"), Replica.RECORD, "deleted here",
                            "changed there since it was sent", asFound.version());
                    Replica.putBase(c, id, asFound);
                    return null;
                });
                return;
            }
            found = Optional.of(asFound);
        }
        Base base = found.get();
        for (int attempt = 0; attempt < MAX_RACES; attempt++) {
            if (customers.deleteOne(MongoDocs.atVersion(id, base.version())).getDeletedCount() == 1) {
                orders.deleteMany(Filters.eq("customerId", id));
                finishDelete(id, logged);
                return;
            }
            Document theirs = customers.find(Filters.eq("_id", oid(id))).first();
            if (theirs == null) {
                orders.deleteMany(Filters.eq("customerId", id)); // a try cut between the two deletions left them
                finishDelete(id, logged);
                return;
            }
            Customer their = MongoCustomerRepository.fromDocument(theirs);
            Map<String, String> seen = base.fields();
            if (!Replica.fields(their).equals(seen)) {
                replica.quietly(c -> {
                    Conflicts.add(c, id, their.email(), Replica.RECORD, "deleted here",
                            "changed: " + CentralMerge.describe(seen, Replica.fields(their)), CentralMerge.version(theirs));
                    // The base is what was seen: keeping the deletion then stands against a later change only.
                    Replica.putBase(c, id, new Base(CentralMerge.version(theirs), Replica.fields(their)));
                    return null;
                });
                return;
            }
            // Only its totals moved (this workstation's own orders are followed as they go): someone
            // else's orders, which a deletion would take with it unseen. That is a change too.
            replica.quietly(c -> {
                Conflicts.add(c, id, their.email(), Replica.RECORD, "deleted here", CentralMerge.ordersThere(their),
                        CentralMerge.version(theirs));
                Replica.putBase(c, id, new Base(CentralMerge.version(theirs), Replica.fields(their)));
                return null;
            });
            return;
        }
    }

    private void finishDelete(String id, Set<String> logged) {
        replica.quietly(c -> {
            Replica.dropBase(c, id);
            Conflicts.dropAllOf(c, id);
            return null;
        });
        logged.add(id);
    }
}
