package com.crmplatform.sync;

import static com.crmplatform.store.mongo.MongoDocs.oid;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.customer.SearchKeys;
import com.crmplatform.order.MongoOrderRepository;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.order.OrderStatus;
import com.crmplatform.store.DuplicateEmailException;
import com.crmplatform.store.Money;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.mongo.MongoDocs;
import com.crmplatform.sync.Replica.Base;
import com.crmplatform.sync.Replica.Pending;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Team-mode sync between this workstation's replica and MongoDB, as ADR 0007 sets out: push the
 * outbox in order and in batches with conditional, idempotent writes; pull the change log; merge a
 * customer changed on both sides field by field and keep what cannot be merged as a conflict.
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

    static final int PUSH_BATCH = 10_000;
    static final int PULL_ENTRIES = 500;
    private static final int MAX_RACES = 10;
    private static final String CLASH = "used by another customer in the central database";

    private final Replica replica;
    private final MongoCollection<Document> customers;
    private final MongoCollection<Document> orders;
    private final OrderRepository centralOrders;
    private final MongoChangeLog changeLog;
    private final FirstSync firstSync;
    private final ConsentSync consent;
    private final Clock clock;
    /** Marks this engine's log entries, so its own pull passes over what it pushed. */
    private final String origin = new ObjectId().toHexString();

    /** @param readAhead runs the first sync's next page read while the last page is written */
    public SyncEngine(Replica replica, MongoDatabase central, OrderRepository centralOrders, Clock clock,
                      java.util.concurrent.Executor readAhead) {
        this(replica, central, centralOrders, clock, new MongoChangeLog(central, Duration.ofSeconds(10)), readAhead);
    }

    SyncEngine(Replica replica, MongoDatabase central, OrderRepository centralOrders, Clock clock, MongoChangeLog changeLog,
               java.util.concurrent.Executor readAhead) {
        this.replica = replica;
        this.customers = central.getCollection("customers");
        this.orders = central.getCollection("orders");
        this.centralOrders = centralOrders;
        this.clock = clock;
        this.changeLog = changeLog;
        this.firstSync = new FirstSync(replica, customers, orders, changeLog, readAhead);
        this.consent = new ConsentSync(new com.crmplatform.customer.SqliteConsentRepository(replica.database()),
                new com.crmplatform.customer.MongoConsentRepository(central.getCollection("consent"), "MongoDB"));
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

    // ---- push ---------------------------------------------------------------------------------

    /**
     * Pushes the oldest pending changes (one batch): new customers in one bulk insert, edits as
     * conditional updates on the base version (a stale one is merged, not written over), orders
     * through the central repository's exactly-once counting, deletions conditionally. Rows leave
     * the outbox only after MongoDB acknowledged their effect, and each central write is logged
     * for the other workstations.
     *
     * @return how many pending rows were dealt with
     */
    public synchronized int push() {
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
            } else if (!bases.containsKey(id)) {
                inserts.add(here);
            } else if (!changedFields(here, bases.get(id), held.getOrDefault(id, List.of())).isEmpty()) {
                updateCustomer(id, loggedCustomers);
            }
        }
        Map<String, Base> landed = insertCustomers(Replica.withOpeningTotals(inserts, outgoing.activeOrders()), loggedCustomers);
        pushOrders(orderIds, kept, loggedCustomers, loggedOrders);
        for (String id : deletes) {
            deleteCustomer(id, loggedCustomers);
        }
        changeLog.appendAll("customers", loggedCustomers, origin);
        changeLog.appendAll("orders", loggedOrders, origin);
        replica.quietly(c -> {
            Replica.putBases(c, landed);
            Replica.donePushing(c, rows, kept);
            return null;
        });
        return rows.size();
    }

    /** @return the bases of the customers that went in (written with the batch's end, in one transaction) */
    private Map<String, Base> insertCustomers(List<Customer> inserts, Set<String> logged) {
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
                // An earlier push of this record landed (its acknowledgement was lost): what is there is the base now.
                replica.quietly(c -> {
                    Replica.putBase(c, x.id(), new Base(version(same), Replica.fields(MongoCustomerRepository.fromDocument(same))));
                    return null;
                });
                updateCustomer(x.id(), logged);
                continue;
            }
            Document sameEmail = customers.find(Filters.eq("emailLc", x.emailKey())).first();
            if (sameEmail != null) {
                // The same person was entered elsewhere first: this record becomes that one, merged field by field.
                replica.quietly(c -> {
                    replica.customer(x.id()).ifPresent(mine -> adoptQuietly(c, mine, sameEmail));
                    return null;
                });
                String theirId = sameEmail.getObjectId("_id").toHexString();
                logged.add(theirId);
                updateCustomer(theirId, logged);
            }
        }
        return landed;
    }

    /** Pushes the fields changed here since the base, on the base version; a stale base is merged first. */
    private void updateCustomer(String id, Set<String> logged) {
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
                replica.quietly(c -> {
                    Replica.addConflict(c, id, mine.email(), "email", mine.email(), CLASH, -1);
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
            replica.quietly(c -> {
                applyCustomer(c, id, theirs); // merges, records conflicts, moves the base to theirs
                return null;
            });
            if (theirs == null) {
                return;
            }
        }
        throw new StoreException("Customer " + id + " kept changing centrally while it was being pushed; it is tried again at the next sync.");
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

    private void pushOrders(Set<String> ids, Set<String> kept, Set<String> loggedCustomers, Set<String> loggedOrders) {
        loggedOrders.addAll(ids);
        // One read for the batch; an order gone here was deleted with its customer, whose deletion is pushed.
        List<Order> list = replica.database().read(c -> com.crmplatform.order.SqliteOrderRows.byIds(c, ids));
        if (list.isEmpty()) {
            return;
        }
        Set<String> customerIds = new LinkedHashSet<>();
        list.forEach(o -> customerIds.add(o.customerId()));
        Set<String> present = new HashSet<>();
        MongoDocs.findByIds(customers, customerIds).forEach(d -> present.add(d.getObjectId("_id").toHexString()));
        Map<String, List<String>> conflicted = replica.conflictFields();
        List<Order> toPush = new ArrayList<>();
        for (Order o : list) {
            boolean held = conflicted.getOrDefault(o.customerId(), List.of()).contains(Replica.RECORD);
            if (held || !present.contains(o.customerId())) {
                kept.add(o.id());
                if (!held) {
                    Optional<Customer> mine = replica.customer(o.customerId());
                    if (mine.isPresent() && replica.base(o.customerId()).isPresent()) {
                        replica.quietly(c -> {
                            Replica.addConflict(c, o.customerId(), mine.get().email(), Replica.RECORD,
                                    "kept here (new orders)", "deleted", -1);
                            return null;
                        });
                    }
                }
                continue;
            }
            toPush.add(o);
        }
        if (toPush.isEmpty()) {
            return;
        }
        for (int i = 0; i < toPush.size(); i += 1_000) {
            centralOrders.createAll(toPush.subList(i, Math.min(toPush.size(), i + 1_000)));
        }
        for (Order o : toPush) {
            if (o.status() != OrderStatus.ACTIVE) {
                centralOrders.cancel(o.id(), o.audit().updatedBy(), o.audit().updatedAt());
            }
            loggedOrders.add(o.id());
            loggedCustomers.add(o.customerId());
        }
    }

    /** Deletes a customer centrally at the base version; if it was edited there meanwhile, that is a conflict. */
    private void deleteCustomer(String id, Set<String> logged) {
        Optional<Base> found = replica.base(id);
        if (found.isEmpty()) {
            return;
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
                finishDelete(id, logged);
                return;
            }
            Customer their = MongoCustomerRepository.fromDocument(theirs);
            Map<String, String> seen = base.fields();
            if (!Replica.fields(their).equals(seen)) {
                replica.quietly(c -> {
                    Replica.addConflict(c, id, their.email(), Replica.RECORD, "deleted here",
                            "changed: " + describe(seen, Replica.fields(their)), version(theirs));
                    return null;
                });
                return;
            }
            base = new Base(version(theirs), base.fields()); // only its totals moved: delete it there too
        }
    }

    private void finishDelete(String id, Set<String> logged) {
        replica.quietly(c -> {
            Replica.dropBase(c, id);
            return null;
        });
        logged.add(id);
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
            Map<String, Document> orderDocs = fetch(orders, orderIds);
            long seq = batch.lastSeq();
            replica.quietly(c -> {
                for (String id : customerIds) {
                    Replica.setRefetch(c, id, false);
                    applyCustomer(c, id, customerDocs.get(id));
                }
                for (String id : orderIds) {
                    applyOrder(c, id, orderDocs.get(id));
                }
                Replica.setLastSeq(c, seq);
                return null;
            });
            applied += customerIds.size() + orderIds.size();
            if (seq == lastSeq || batch.gapOpen()) {
                return applied;
            }
            lastSeq = seq;
        }
    }

    private static Map<String, Document> fetch(MongoCollection<Document> collection, Set<String> ids) {
        Map<String, Document> found = new HashMap<>();
        MongoDocs.findByIds(collection, ids).forEach(d -> found.put(d.getObjectId("_id").toHexString(), d));
        return found;
    }

    /**
     * Writes the central state of one customer here ({@code theirs} null: deleted centrally). With
     * no change here it is taken as it is; with changes here it is merged against the base: fields
     * changed on one side take that side, fields changed on both become conflicts (this side's value
     * stays until the user chooses), and the base moves to the central version. Totals are the
     * central ones plus this workstation's orders not counted there yet.
     */
    void applyCustomer(Connection c, String id, Document theirs) throws SQLException {
        Optional<Customer> mine = com.crmplatform.customer.SqliteCustomerRepository.findIn(c, id);
        Optional<Base> base = Replica.base(c, id);
        if (theirs == null) {
            if (mine.isEmpty()) {
                Replica.dropBase(c, id);
                Replica.dropPending(c, id);
            } else if (base.isPresent() && Replica.hasLocalChanges(c, id)) {
                Replica.addConflict(c, id, mine.get().email(), Replica.RECORD, "kept here (changed since)", "deleted", -1);
            } else if (base.isPresent()) {
                Replica.deleteCustomerWithOrders(c, id);
                Replica.dropBase(c, id);
            }
            return; // (no base: a record of this workstation not pushed yet; nothing central to apply)
        }
        Customer their = MongoCustomerRepository.fromDocument(theirs);
        Map<String, String> theirFields = Replica.fields(their);
        if (mine.isEmpty()) {
            if (base.isEmpty()) {
                insertOrAdopt(c, their, theirs);
            } else if (!theirFields.equals(base.get().fields())) {
                Replica.addConflict(c, id, their.email(), Replica.RECORD, "deleted here",
                        "changed: " + describe(base.get().fields(), theirFields), version(theirs));
            } else {
                Replica.putBase(c, id, new Base(version(theirs), base.get().fields()));
            }
            return;
        }
        Customer local = mine.get();
        Map<String, String> merged = Replica.fields(local);
        if (Replica.hasLocalChanges(c, id)) {
            Map<String, String> was = base.map(Base::fields).orElse(theirFields);
            ThreeWayMerge.Result result = ThreeWayMerge.merge(was, merged, theirFields);
            result.toTake().forEach((f, v) -> merged.put(f, String.valueOf(v)));
            for (ThreeWayMerge.FieldConflict conflict : result.conflicts()) {
                Replica.addConflict(c, id, local.email(), conflict.field(), String.valueOf(conflict.mine()),
                        String.valueOf(conflict.theirs()), version(theirs));
            }
            // A conflict still open from before follows the central value: it ends when both sides now
            // agree, and otherwise shows the latest central value (the merge saw it as unchanged).
            for (Replica.Conflict open : Replica.conflictsOf(c, id)) {
                String field = open.field();
                if (Replica.RECORD.equals(field) || !theirFields.containsKey(field)) {
                    continue;
                }
                if (Objects.equals(theirFields.get(field), merged.get(field))) {
                    Replica.dropConflict(c, open.id());
                } else if (!Objects.equals(theirFields.get(field), open.theirs())) {
                    Replica.addConflict(c, id, local.email(), field, merged.get(field), theirFields.get(field), version(theirs));
                }
            }
        } else {
            merged.putAll(theirFields);
        }
        Customer next = withTotals(c, Replica.withFields(local, merged), their, theirs);
        if (!sameContent(next, local)) {
            next = new Customer(next.id(), next.name(), next.email(), next.phone(), next.city(), next.totalSpend(),
                    next.visits(), next.lastPurchaseDate(), new com.crmplatform.store.Audit(local.audit().createdAt(),
                    their.audit().updatedAt(), local.audit().createdBy(), their.audit().updatedBy(), local.version() + 1));
            try {
                Replica.putCustomer(c, next);
            } catch (DuplicateEmailException e) {
                Replica.addConflict(c, id, local.email(), "email", local.email(), their.email(), version(theirs));
                Replica.putCustomer(c, new Customer(next.id(), next.name(), local.email(), next.phone(), next.city(),
                        next.totalSpend(), next.visits(), next.lastPurchaseDate(), next.audit()));
            }
        }
        Replica.putBase(c, id, new Base(version(theirs), theirFields));
    }

    /** A customer new to this replica; if one of this workstation's new records has its email, they are one person. */
    private void insertOrAdopt(Connection c, Customer their, Document theirs) throws SQLException {
        Optional<Customer> clash = Replica.customerByEmail(c, their.email());
        if (clash.isEmpty()) {
            Replica.putCustomer(c, withTotals(c, their, their, theirs));
            Replica.putBase(c, their.id(), new Base(version(theirs), Replica.fields(their)));
        } else if (Replica.base(c, clash.get().id()).isEmpty()) {
            adopt(c, clash.get(), theirs);
        } else {
            // A customer of ours took this email here meanwhile: that is a conflict; theirs comes when it is resolved.
            Replica.addConflict(c, clash.get().id(), clash.get().email(), "email", clash.get().email(), CLASH, -1);
            Replica.setRefetch(c, their.id(), true);
        }
    }

    private void adoptQuietly(Connection c, Customer mine, Document theirs) {
        try {
            adopt(c, mine, theirs);
        } catch (SQLException e) {
            throw com.crmplatform.store.sqlite.SqliteDatabase.translate(e, replica.database().file());
        }
    }

    /**
     * This workstation's new customer {@code mine} is the central {@code theirs} (same email): its
     * orders move to that id and its fields merge, a blank field on one side taking the other's value
     * and two different values becoming a conflict.
     */
    private void adopt(Connection c, Customer mine, Document theirs) throws SQLException {
        Customer their = MongoCustomerRepository.fromDocument(theirs);
        Map<String, String> mineFields = Replica.fields(mine);
        Map<String, String> theirFields = Replica.fields(their);
        Map<String, String> was = new LinkedHashMap<>();
        for (String f : Replica.FIELDS) {
            boolean blank = mineFields.get(f).isBlank() || theirFields.get(f).isBlank();
            was.put(f, blank ? "" : (mineFields.get(f).equalsIgnoreCase(theirFields.get(f)) ? theirFields.get(f) : "\u0000"));
        }
        ThreeWayMerge.Result result = ThreeWayMerge.merge(was, mineFields, theirFields);
        Map<String, String> merged = new LinkedHashMap<>(mineFields);
        result.toTake().forEach((f, v) -> merged.put(f, String.valueOf(v)));
        Replica.moveOrders(c, mine.id(), their.id());
        Replica.dropPending(c, mine.id());
        Replica.dropBase(c, mine.id());
        com.crmplatform.customer.SqliteCustomerRepository.deleteIn(c, mine.id());
        Customer next = withTotals(c, Replica.withFields(new Customer(their.id(), their.name(), their.email(), their.phone(),
                their.city(), their.totalSpend(), their.visits(), their.lastPurchaseDate(), their.audit()), merged), their, theirs);
        Replica.putCustomer(c, next);
        Replica.putBase(c, their.id(), new Base(version(theirs), theirFields));
        for (ThreeWayMerge.FieldConflict conflict : result.conflicts()) {
            Replica.addConflict(c, their.id(), their.email(), conflict.field(), String.valueOf(conflict.mine()),
                    String.valueOf(conflict.theirs()), version(theirs));
        }
        if (!result.toPush().isEmpty()) {
            Replica.addPending(c, "customer", their.id());
        }
    }

    /**
     * The central totals, moved by this workstation's orders of the customer that MongoDB has not
     * counted yet: an active one not in its counted list adds, a cancelled one still in it takes off.
     */
    private static Customer withTotals(Connection c, Customer fields, Customer their, Document theirs) throws SQLException {
        List<String> counted = theirs.getList(MongoDocs.APPLIED, String.class, List.of());
        Set<String> countedIds = new HashSet<>(counted);
        java.math.BigDecimal spend = their.totalSpend();
        int visits = their.visits();
        LocalDate last = their.lastPurchaseDate();
        Set<String> pending = Replica.pendingOrderIdsOf(c, fields.id());
        for (Order o : com.crmplatform.order.SqliteOrderRows.ofCustomer(c, fields.id())) {
            if (!pending.contains(o.id())) {
                continue;
            }
            if (o.isActive() && !countedIds.contains(o.id())) {
                spend = spend.add(o.amount());
                visits++;
                last = last == null || o.orderDate().isAfter(last) ? o.orderDate() : last;
            } else if (!o.isActive() && countedIds.contains(o.id())) {
                spend = spend.subtract(o.amount());
                visits--;
            }
        }
        return new Customer(fields.id(), fields.name(), fields.email(), fields.phone(), fields.city(),
                Money.normalize(spend), visits, last, fields.audit());
    }

    private static boolean sameContent(Customer a, Customer b) {
        return Replica.fields(a).equals(Replica.fields(b)) && a.totalSpend().compareTo(b.totalSpend()) == 0
                && a.visits() == b.visits() && Objects.equals(a.lastPurchaseDate(), b.lastPurchaseDate());
    }

    private static void applyOrder(Connection c, String id, Document theirs) throws SQLException {
        if (theirs == null) {
            if (!Replica.hasPending(c, id)) {
                Replica.deleteOrder(c, id);
            }
            return;
        }
        Order their = MongoOrderRepository.fromDocument(theirs);
        if (com.crmplatform.customer.SqliteCustomerRepository.findIn(c, their.customerId()).isPresent()) {
            Replica.putOrder(c, their);
        }
    }

    // ---- conflicts ----------------------------------------------------------------------------

    /**
     * Settles a conflict as the user chose. Mine: this workstation's value (or deletion, or kept
     * record) is pushed at the next sync, on the central version seen. Theirs: the central value is
     * written here (a deleted record is deleted here too; a record deleted here comes back at the
     * next pull).
     */
    public static void resolve(Replica replica, long conflictId, boolean mine, java.time.Instant now) {
        Replica.Conflict conflict = replica.conflict(conflictId).orElseThrow(() -> new StoreException(
                "There is no conflict " + conflictId + "; `sync conflicts` lists the open ones."));
        String id = conflict.recordId();
        replica.quietly(c -> {
            Optional<Customer> here = com.crmplatform.customer.SqliteCustomerRepository.findIn(c, id);
            if (Replica.RECORD.equals(conflict.field())) {
                if (mine && here.isPresent()) {
                    Replica.dropBase(c, id); // pushed as a new record, with its orders
                    Replica.addPending(c, "customer", id);
                    for (Order o : com.crmplatform.order.SqliteOrderRows.ofCustomer(c, id)) {
                        Replica.addPending(c, "order", o.id());
                    }
                } else if (mine) {
                    Optional<Base> base = Replica.base(c, id);
                    Replica.putBase(c, id, new Base(conflict.theirVersion(), base.map(Base::fields).orElse(Map.of())));
                    Replica.addPending(c, "customer", id);
                } else if (here.isPresent()) {
                    Replica.deleteCustomerWithOrders(c, id);
                    Replica.dropBase(c, id);
                    Replica.dropPending(c, id);
                } else {
                    Replica.dropBase(c, id);
                    Replica.dropPending(c, id);
                    Replica.setRefetch(c, id, true);
                }
            } else if (mine) {
                Replica.addPending(c, "customer", id);
            } else if (here.isPresent()) {
                // The latest central value this copy has seen (the base), which a pull may have moved
                // since the conflict was recorded; for an email clash, the email it had before.
                String value = Replica.base(c, id).map(b -> b.fields().get(conflict.field()))
                        .orElse(CLASH.equals(conflict.theirs()) ? conflict.mine() : conflict.theirs());
                Customer x = here.get();
                Replica.putCustomer(c, Replica.withFields(new Customer(x.id(), x.name(), x.email(), x.phone(), x.city(),
                        x.totalSpend(), x.visits(), x.lastPurchaseDate(), x.audit().touched(now, x.audit().updatedBy())),
                        Map.of(conflict.field(), value)));
            }
            Replica.dropConflict(c, conflictId);
            return null;
        });
    }

    private static long version(Document d) {
        return ((Number) d.get("version")).longValue();
    }

    private static String describe(Map<String, String> before, Map<String, String> after) {
        List<String> parts = new ArrayList<>();
        after.forEach((f, v) -> {
            if (!Objects.equals(before.get(f), v)) {
                parts.add(f + " " + v);
            }
        });
        return String.join(", ", parts);
    }
}
