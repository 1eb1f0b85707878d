package com.crmplatform.sync;

import com.crmplatform.order.SqliteOrderRows;
import com.crmplatform.store.mongo.MongoDocs;
import com.mongodb.client.MongoCollection;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The central orders a customer document counts (or lists as cancelled) that this replica does not
 * hold as they are there. Whoever writes a central customer here (a pull, or a push that merges
 * with what it found) brings these with it, in the same transaction, so that a customer's totals
 * here are always what its orders here add up to, whatever part of the change log a cut has left
 * unread.
 */
final class CountedOrders {

    private final Replica replica;
    private final MongoCollection<Document> orders;

    CountedOrders(Replica replica, MongoCollection<Document> orders) {
        this.replica = replica;
        this.orders = orders;
    }

    /** The ids among these customers' counted and cancelled orders that are missing here, or active here though cancelled there. */
    Set<String> notHereAsThere(Collection<Document> centralCustomers, Set<String> already) {
        Set<String> applied = new HashSet<>();
        Set<String> revoked = new HashSet<>();
        for (Document d : centralCustomers) {
            if (d != null) {
                applied.addAll(d.getList(MongoDocs.APPLIED, String.class, List.of()));
                revoked.addAll(d.getList(MongoDocs.REVOKED, String.class, List.of()));
            }
        }
        applied.removeAll(already);
        revoked.removeAll(already);
        if (applied.isEmpty() && revoked.isEmpty()) {
            return Set.of();
        }
        Set<String> listed = new HashSet<>(applied);
        listed.addAll(revoked);
        Map<String, Boolean> activeHere = new HashMap<>();
        replica.database().read(c -> SqliteOrderRows.byIds(c, listed)).forEach(o -> activeHere.put(o.id(), o.isActive()));
        Set<String> missing = new HashSet<>();
        applied.stream().filter(id -> !activeHere.getOrDefault(id, false)).forEach(missing::add);
        revoked.stream().filter(id -> activeHere.getOrDefault(id, true)).forEach(missing::add);
        return missing;
    }

    /** The central documents of those orders for one customer document just read (none when it is gone). */
    List<Document> of(Document centralCustomer) {
        if (centralCustomer == null) {
            return List.of();
        }
        Set<String> ids = notHereAsThere(List.of(centralCustomer), Set.of());
        return ids.isEmpty() ? List.of() : MongoDocs.findByIds(orders, ids);
    }
}
