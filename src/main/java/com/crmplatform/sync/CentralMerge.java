package com.crmplatform.sync;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.customer.SqliteCustomerRepository;
import com.crmplatform.order.MongoOrderRepository;
import com.crmplatform.order.Order;
import com.crmplatform.order.SqliteOrderRows;
import com.crmplatform.store.Audit;
import com.crmplatform.store.DuplicateEmailException;
import com.crmplatform.store.Money;
import com.crmplatform.store.mongo.MongoDocs;
import com.crmplatform.store.sqlite.SqliteDatabase;
import com.crmplatform.sync.Replica.Base;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * What MongoDB holds, written into the replica (ADR 0007): a customer with no changes here is taken
 * as it is; one changed here is merged field by field against its base, and what cannot be merged
 * is kept as a conflict; a new record of this workstation with a central one's email becomes that
 * one. Totals are the central ones plus this workstation's orders MongoDB has not counted yet. Used
 * by the pull, and by the push when it finds a record changed centrally since its base.
 */
final class CentralMerge {

    /** The "theirs" of an email that another customer holds centrally. */
    static final String CLASH = "used by another customer in the central database";

    private final Replica replica;

    CentralMerge(Replica replica) {
        this.replica = replica;
    }

    /**
     * Writes the central state of one customer here ({@code theirs} null: deleted centrally). With
     * no change here it is taken as it is; with changes here it is merged against the base: fields
     * changed on one side take that side, fields changed on both become conflicts (this side's value
     * stays until the user chooses), and the base moves to the central version. Totals are the
     * central ones plus this workstation's orders not counted there yet.
     */
    void applyCustomer(Connection c, String id, Document theirs) throws SQLException {
        Optional<Customer> mine = SqliteCustomerRepository.findIn(c, id);
        Optional<Base> base = Replica.base(c, id);
        if (theirs == null) {
            if (mine.isEmpty()) {
                Replica.dropBase(c, id);
                Outbox.drop(c, id);
                Conflicts.dropAllOf(c, id);
            } else if (base.isPresent() && Outbox.hasLocalChanges(c, id)) {
                Conflicts.add(c, id, mine.get().email(), Replica.RECORD, "kept here (changed since)", "deleted", -1);
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
            } else if (!theirFields.equals(base.get().fields()) || version(theirs) > base.get().version()) {
                // Deleted here, changed there: its fields, or its orders (this workstation's own are
                // followed as they are pushed, so a version moved past the base is someone else's).
                Conflicts.add(c, id, their.email(), Replica.RECORD, "deleted here", theirFields.equals(base.get().fields())
                        ? ordersThere(their) : "changed: " + describe(base.get().fields(), theirFields), version(theirs));
                // The base is what was seen: keeping the deletion then stands against a later change only.
                Replica.putBase(c, id, new Base(version(theirs), theirFields));
            }
            return;
        }
        Customer local = mine.get();
        Map<String, String> merged = Replica.fields(local);
        if (Outbox.hasLocalChanges(c, id)) {
            Map<String, String> was = base.map(Base::fields).orElse(theirFields);
            ThreeWayMerge.Result result = ThreeWayMerge.merge(was, merged, theirFields);
            result.toTake().forEach((f, v) -> merged.put(f, String.valueOf(v)));
            for (ThreeWayMerge.FieldConflict conflict : result.conflicts()) {
                Conflicts.add(c, id, local.email(), conflict.field(), String.valueOf(conflict.mine()),
                        String.valueOf(conflict.theirs()), version(theirs));
            }
            // A conflict still open from before follows the central value: it ends when both sides now
            // agree, and otherwise shows the latest central value (the merge saw it as unchanged).
            for (Conflict open : Conflicts.of(c, id)) {
                String field = open.field();
                if (Replica.RECORD.equals(field) || !theirFields.containsKey(field)) {
                    continue;
                }
                if (Objects.equals(theirFields.get(field), merged.get(field))) {
                    Conflicts.drop(c, open.id());
                } else if (!Objects.equals(theirFields.get(field), open.theirs())) {
                    Conflicts.add(c, id, local.email(), field, merged.get(field), theirFields.get(field), version(theirs));
                }
            }
        } else {
            merged.putAll(theirFields);
        }
        Customer next = withTotals(c, Replica.withFields(local, merged), their, theirs);
        if (!sameContent(next, local)) {
            next = new Customer(next.id(), next.name(), next.email(), next.phone(), next.city(), next.totalSpend(),
                    next.visits(), next.lastPurchaseDate(), new Audit(local.audit().createdAt(),
                    their.audit().updatedAt(), local.audit().createdBy(), their.audit().updatedBy(), local.version() + 1));
            try {
                Replica.putCustomer(c, next);
            } catch (DuplicateEmailException e) {
                Conflicts.add(c, id, local.email(), "email", local.email(), their.email(), version(theirs));
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
            Conflicts.add(c, clash.get().id(), clash.get().email(), "email", clash.get().email(), CLASH, -1);
            Replica.setRefetch(c, their.id(), true);
        }
    }

    /**
     * A base for two versions of one record whose common ancestor is not known: a field blank on one
     * side takes the other's value, the same value (in any case) stays, two different values are a
     * conflict.
     */
    static Map<String, String> unknownBase(Map<String, String> mine, Map<String, String> theirs) {
        Map<String, String> was = new LinkedHashMap<>();
        for (String f : Replica.FIELDS) {
            boolean blank = mine.get(f).isBlank() || theirs.get(f).isBlank();
            was.put(f, blank ? "" : (mine.get(f).equalsIgnoreCase(theirs.get(f)) ? theirs.get(f) : "\u0000"));
        }
        return was;
    }

    void adoptQuietly(Connection c, Customer mine, Document theirs) {
        try {
            adopt(c, mine, theirs);
        } catch (SQLException e) {
            throw SqliteDatabase.translate(e, replica.database().file());
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
        ThreeWayMerge.Result result = ThreeWayMerge.merge(unknownBase(mineFields, theirFields), mineFields, theirFields);
        Map<String, String> merged = new LinkedHashMap<>(mineFields);
        result.toTake().forEach((f, v) -> merged.put(f, String.valueOf(v)));
        Replica.moveOrders(c, mine.id(), their.id());
        Outbox.drop(c, mine.id());
        Replica.dropBase(c, mine.id());
        SqliteCustomerRepository.deleteIn(c, mine.id());
        Conflicts.dropAllOf(c, mine.id());
        Customer next = withTotals(c, Replica.withFields(new Customer(their.id(), their.name(), their.email(), their.phone(),
                their.city(), their.totalSpend(), their.visits(), their.lastPurchaseDate(), their.audit()), merged), their, theirs);
        Replica.putCustomer(c, next);
        Replica.putBase(c, their.id(), new Base(version(theirs), theirFields));
        for (ThreeWayMerge.FieldConflict conflict : result.conflicts()) {
            Conflicts.add(c, their.id(), their.email(), conflict.field(), String.valueOf(conflict.mine()),
                    String.valueOf(conflict.theirs()), version(theirs));
        }
        if (!result.toPush().isEmpty()) {
            Outbox.add(c, "customer", their.id());
        }
    }

    /**
     * The central totals, moved by this workstation's orders of the customer that MongoDB has not
     * counted yet: an active one not in its counted list adds, a cancelled one still in it takes off.
     */
    private static Customer withTotals(Connection c, Customer fields, Customer their, Document theirs) throws SQLException {
        List<String> counted = theirs.getList(MongoDocs.APPLIED, String.class, List.of());
        Set<String> countedIds = new HashSet<>(counted);
        BigDecimal spend = their.totalSpend();
        int visits = their.visits();
        LocalDate last = their.lastPurchaseDate();
        Set<String> pending = Outbox.pendingOrderIdsOf(c, fields.id());
        for (Order o : SqliteOrderRows.ofCustomer(c, fields.id())) {
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

    /**
     * Applies a pulled order: its central state, or null when it is gone there (deleted with its
     * customer, after a change this workstation had not seen: orders change only by cancelling).
     * A gone order leaves here too, and, if it was active here, its customer's totals here, which
     * are then still what its orders here add up to: a customer kept here against that deletion is
     * pushed back with exactly those.
     */
    static void applyOrder(Connection c, String id, Document theirs) throws SQLException {
        if (theirs == null) {
            Optional<Order> gone = SqliteOrderRows.find(c, id);
            if (gone.isEmpty() || Outbox.has(c, id)) {
                return;
            }
            if (gone.get().isActive()) {
                SqliteOrderRows.uncount(c, gone.get(), gone.get().audit().updatedAt(), gone.get().audit().updatedBy());
            }
            Replica.deleteOrder(c, id);
            return;
        }
        Order their = MongoOrderRepository.fromDocument(theirs);
        if (SqliteCustomerRepository.findIn(c, their.customerId()).isPresent()) {
            Replica.putOrder(c, their);
        }
    }

    /** What a conflict says of a customer whose orders changed centrally while it was deleted here. */
    static String ordersThere(Customer their) {
        return "changed: orders there (now " + their.visits() + (their.visits() == 1 ? " visit" : " visits") + ", total "
                + their.totalSpend().toPlainString() + ")";
    }

    /** A central document's version. */
    static long version(Document d) {
        return ((Number) d.get("version")).longValue();
    }

    /** The fields that differ, as "field value, …" (a conflict's description). */
    static String describe(Map<String, String> before, Map<String, String> after) {
        List<String> parts = new ArrayList<>();
        after.forEach((f, v) -> {
            if (!Objects.equals(before.get(f), v)) {
                parts.add(f + " " + v);
            }
        });
        return String.join(", ", parts);
    }
}
