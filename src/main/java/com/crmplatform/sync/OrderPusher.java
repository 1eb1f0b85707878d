package com.crmplatform.sync;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.order.OrderStatus;
import com.crmplatform.order.SqliteOrderRows;
import com.crmplatform.store.mongo.MongoDocs;
import com.crmplatform.sync.Replica.Base;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The orders half of a push ({@link Pusher}): this workstation's new and cancelled orders to
 * MongoDB, and the bases of their customers moved along with the versions those orders moved
 * (ADR 0007, "Orders count as a change against a deletion").
 */
final class OrderPusher {

    private final Replica replica;
    private final MongoCollection<Document> customers;
    private final OrderRepository centralOrders;

    OrderPusher(Replica replica, MongoCollection<Document> customers, OrderRepository centralOrders) {
        this.replica = replica;
        this.customers = customers;
        this.centralOrders = centralOrders;
    }

    /**
     * Pushes these orders (ids of the outbox) through the central repository's exactly-once
     * counting. An order whose customer is held by a record conflict, or is not there centrally,
     * waits (in {@code kept}); the latter is a conflict of its own ("kept here (new orders)").
     *
     * @param landed the bases of the customers this batch inserted (written with the batch's end);
     *     their versions follow this batch's orders like the others'
     */
    void push(Set<String> ids, Set<String> kept, Set<String> loggedCustomers, Set<String> loggedOrders,
              Map<String, Base> landed) {
        loggedOrders.addAll(ids);
        // One read for the batch; an order gone here was deleted with its customer, whose deletion is pushed.
        List<Order> list = replica.database().read(c -> SqliteOrderRows.byIds(c, ids));
        if (list.isEmpty()) {
            return;
        }
        Set<String> customerIds = new LinkedHashSet<>();
        list.forEach(o -> customerIds.add(o.customerId()));
        Map<String, Document> before = new HashMap<>();
        for (Document d : MongoDocs.findByIds(customers, customerIds)) {
            before.put(d.getObjectId("_id").toHexString(), d);
        }
        Map<String, Long> versionBefore = versionsBefore(list, before);
        Set<String> present = versionBefore.keySet();
        Map<String, List<String>> conflicted = replica.conflictFields();
        List<Order> toPush = new ArrayList<>();
        for (Order o : list) {
            boolean held = conflicted.getOrDefault(o.customerId(), List.of()).contains(Replica.RECORD);
            if (held || !present.contains(o.customerId())) {
                kept.add(o.id());
                if (!held) {
                    Optional<Customer> mine = replica.customer(o.customerId());
                    if (mine.isPresent() && replica.base(o.customerId()).filter(b -> !b.reinsert()).isPresent()) {
                        replica.quietly(c -> {
                            Conflicts.add(c, o.customerId(), mine.get().email(), Replica.RECORD,
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
        Set<String> counted = new LinkedHashSet<>();
        Set<String> ours = new HashSet<>();
        for (Order o : toPush) {
            ours.add(o.id());
            if (o.status() != OrderStatus.ACTIVE) {
                centralOrders.cancel(o.id(), o.audit().updatedBy(), o.audit().updatedAt());
            }
            loggedOrders.add(o.id());
            loggedCustomers.add(o.customerId());
            counted.add(o.customerId());
        }
        followOwnOrders(counted, versionBefore, before, ours, landed);
    }

    /**
     * The central version of each order's customer before any of these orders counted there: an
     * order an earlier try of this push counted in already (its acknowledgement lost) took one step
     * off; one cancelled there already took an unknown number (-1: the base will not follow).
     */
    private static Map<String, Long> versionsBefore(List<Order> list, Map<String, Document> byId) {
        Map<String, Long> before = new HashMap<>();
        byId.forEach((id, d) -> before.put(id, CentralMerge.version(d)));
        for (Order o : list) {
            Document d = byId.get(o.customerId());
            if (d == null) {
                continue;
            }
            if (d.getList(MongoDocs.REVOKED, String.class, List.of()).contains(o.id())) {
                before.put(o.customerId(), -1L);
            } else if (o.status() == OrderStatus.ACTIVE && before.get(o.customerId()) >= 0
                    && d.getList(MongoDocs.APPLIED, String.class, List.of()).contains(o.id())) {
                before.merge(o.customerId(), -1L, Long::sum);
            }
        }
        return before;
    }

    /**
     * This workstation's orders moved these customers' central versions: their bases follow (those
     * that were current before, whose fields are still as seen, and whose lists of counted and
     * cancelled orders grew by these orders only), so that a version moved later is someone else's
     * doing, and a deletion pushed from here meets it as a conflict rather than deleting their
     * orders unseen. Another workstation's order counted in meanwhile leaves the base where it was.
     */
    private void followOwnOrders(Set<String> customerIds, Map<String, Long> versionBefore, Map<String, Document> before,
                                 Set<String> ours, Map<String, Base> landed) {
        Map<String, Base> bases = new HashMap<>(replica.outgoing(customerIds).bases());
        bases.putAll(landed);
        Map<String, Base> moved = new LinkedHashMap<>();
        for (Document d : MongoDocs.findByIds(customers, customerIds)) {
            String id = d.getObjectId("_id").toHexString();
            Base base = bases.get(id);
            // Only a base that was current before these orders: one behind already missed someone else's change.
            if (base != null && !base.reinsert() && versionBefore.getOrDefault(id, -1L) == base.version()
                    && CentralMerge.version(d) > base.version()
                    && Replica.fields(MongoCustomerRepository.fromDocument(d)).equals(base.fields())
                    && grewByOursOnly(before.get(id), d, ours)) {
                moved.put(id, new Base(CentralMerge.version(d), base.fields()));
            }
        }
        moved.keySet().removeIf(id -> landed.replace(id, moved.get(id)) != null); // written with the batch's end
        if (!moved.isEmpty()) {
            replica.quietly(c -> {
                Replica.putBases(c, moved);
                return null;
            });
        }
    }

    /** Whether the customer's lists of counted and of cancelled orders gained only these orders between the two reads. */
    private static boolean grewByOursOnly(Document before, Document after, Set<String> ours) {
        if (before == null) {
            return false;
        }
        for (String list : List.of(MongoDocs.APPLIED, MongoDocs.REVOKED)) {
            Set<String> gained = new HashSet<>(after.getList(list, String.class, List.of()));
            gained.removeAll(before.getList(list, String.class, List.of()));
            if (!ours.containsAll(gained)) {
                return false;
            }
        }
        return true;
    }
}
