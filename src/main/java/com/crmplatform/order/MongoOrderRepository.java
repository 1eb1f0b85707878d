package com.crmplatform.order;

import static com.crmplatform.store.mongo.MongoDocs.oid;

import com.crmplatform.store.Audit;
import com.crmplatform.store.NotFoundException;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.mongo.MongoDocs;
import com.crmplatform.store.mongo.MongoKeyset;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Orders in MongoDB. A customer's totals move by single-document conditional updates: the
 * customer document lists the orders its totals include and the cancelled ones, so counting an
 * order in (or out) happens exactly once whoever does it, from however old a copy, with no
 * transactions. Orders are marked processed afterwards; {@link #recoverInterruptedWrites()} (run at
 * every start) finishes what a crash left, safely while others write. See docs/adr/0006.
 */
public final class MongoOrderRepository implements OrderRepository {

    private static final int MAX_RACES = 50;

    private final MongoCollection<Document> orders;
    private final MongoCollection<Document> customers;
    private final String where;

    public MongoOrderRepository(MongoCollection<Document> orders, MongoCollection<Document> customers, String where) {
        this.orders = orders;
        this.customers = customers;
        this.where = where;
    }

    @Override
    public boolean create(Order order) {
        return MongoDocs.guard(where, () -> {
            if (customers.countDocuments(Filters.eq("_id", oid(order.customerId()))) == 0) {
                throw new NotFoundException("The customer of this order");
            }
            boolean inserted = true;
            try {
                orders.insertOne(toDocument(order));
            } catch (MongoException e) {
                if (!MongoDocs.isDuplicateKey(e)) {
                    throw e;
                }
                inserted = false;
            }
            applyAll(List.of(findDocument(order.id())));
            return inserted;
        });
    }

    @Override
    public int createAll(List<Order> list) {
        if (list.isEmpty()) {
            return 0; // the driver refuses an empty insertMany
        }
        return MongoDocs.guard(where, () -> {
            int created = list.size();
            try {
                orders.insertMany(list.stream().map(MongoOrderRepository::toDocument).toList(),
                        new InsertManyOptions().ordered(false));
            } catch (com.mongodb.MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                    throw e; // not "already stored": a real failure, reported
                }
                created -= e.getWriteErrors().size(); // already stored: a retried import
            }
            // Every order of the batch, new or not: applying one that is counted already changes nothing.
            applyAll(MongoDocs.findByIds(orders, list.stream().map(Order::id).toList()));
            return created;
        });
    }

    /**
     * Puts active orders into their customers' totals: one conditional update per order, all in one
     * bulk write. The filter admits an order only if the customer document does not list it yet
     * (nor as cancelled), and the update lists it in the same atomic step, so any number of
     * processes applying the same orders, from fresh or stale copies, count each exactly once.
     * Then the orders are marked processed (a crash before that only means the next start's sweep
     * tries them again, and changes nothing).
     */
    private void applyAll(List<Document> list) {
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>();
        List<Object> processed = new ArrayList<>();
        for (Document o : list) {
            if (o == null) {
                continue;
            }
            processed.add(o.get("_id"));
            if (OrderStatus.ACTIVE.name().equals(o.getString("status"))) {
                writes.add(new com.mongodb.client.model.UpdateOneModel<>(notYetCounted(o), countIn(o)));
            }
        }
        if (!writes.isEmpty()) {
            customers.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
        if (!processed.isEmpty()) {
            // One update by id each (marking one twice changes nothing): an _id lookup on every server,
            // where a filter on "applied" may make a server walk that index instead.
            orders.bulkWrite(processed.stream().<com.mongodb.client.model.WriteModel<Document>>map(id ->
                    new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", id), Updates.set("applied", true)))
                    .toList(), new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
    }

    /** The order's customer, if its totals do not include the order and it was not cancelled. */
    private static Bson notYetCounted(Document o) {
        String id = o.getObjectId("_id").toHexString();
        return Filters.and(Filters.eq("_id", oid(o.getString("customerId"))), Filters.ne(MongoDocs.APPLIED, id),
                Filters.ne(MongoDocs.REVOKED, id));
    }

    private static Bson countIn(Document o) {
        return Updates.combine(Updates.inc("totalSpend", MongoDocs.money(MongoDocs.money(o.get("amount")))),
                Updates.inc("visits", 1), Updates.max("lastPurchaseDate", o.getDate("orderDate")), Updates.inc("version", 1L),
                Updates.push(MongoDocs.APPLIED, o.getObjectId("_id").toHexString()),
                Updates.set("updatedAt", o.getDate("updatedAt")), Updates.set("updatedBy", o.getString("updatedBy")));
    }

    /**
     * Takes a cancelled order out of its customer's totals, or, if it was never counted, records
     * it as cancelled so that no later application counts it. Each step is one conditional update;
     * a race with an application just retries.
     */
    private void uncount(Document o) {
        String id = o.getObjectId("_id").toHexString();
        Bson customer = Filters.eq("_id", oid(o.getString("customerId")));
        BigDecimal amount = MongoDocs.money(o.get("amount"));
        for (int attempt = 0; attempt < MAX_RACES; attempt++) {
            if (customers.updateOne(Filters.and(customer, Filters.eq(MongoDocs.APPLIED, id)), Updates.combine(
                    Updates.inc("totalSpend", MongoDocs.money(amount.negate())), Updates.inc("visits", -1),
                    Updates.inc("version", 1L), Updates.pull(MongoDocs.APPLIED, id), Updates.push(MongoDocs.REVOKED, id),
                    Updates.set("updatedAt", o.getDate("updatedAt")), Updates.set("updatedBy", o.getString("updatedBy"))))
                    .getMatchedCount() == 1) {
                moveLastPurchaseBack(o);
                return;
            }
            if (customers.updateOne(Filters.and(customer, Filters.ne(MongoDocs.APPLIED, id), Filters.ne(MongoDocs.REVOKED, id)),
                    Updates.combine(Updates.push(MongoDocs.REVOKED, id), Updates.inc("version", 1L))).getMatchedCount() == 1) {
                return; // never counted, and now never will be
            }
            if (customers.countDocuments(Filters.and(customer, Filters.eq(MongoDocs.REVOKED, id))) == 1) {
                moveLastPurchaseBack(o); // done before (a repeated cancel, or a crash after it): finish the date too
                return;
            }
            if (customers.countDocuments(customer) == 0) {
                return; // the customer is gone
            }
        }
        throw new MongoException("the customer's totals kept changing under this cancellation; it is finished at the next start");
    }

    /**
     * If the cancelled order set the customer's last purchase date, it moves back to the latest
     * remaining active order; written only on the version it was worked out on (a concurrent order
     * makes it try again).
     */
    private void moveLastPurchaseBack(Document o) {
        String customerId = o.getString("customerId");
        for (int attempt = 0; attempt < MAX_RACES; attempt++) {
            Document c = customers.find(Filters.eq("_id", oid(customerId))).first();
            if (c == null || !o.getDate("orderDate").equals(c.getDate("lastPurchaseDate"))) {
                return;
            }
            LocalDate latest = latestActiveOrderDate(customerId);
            long version = ((Number) c.get("version")).longValue();
            if (customers.updateOne(MongoDocs.atVersion(customerId, version), Updates.combine(
                    Updates.set("lastPurchaseDate", MongoDocs.date(latest)), Updates.set("version", version + 1)))
                    .getMatchedCount() == 1) {
                return;
            }
        }
    }

    private LocalDate latestActiveOrderDate(String customerId) {
        Document latest = orders.find(Filters.and(Filters.eq("customerId", customerId), Filters.eq("status", "ACTIVE")))
                .sort(Sorts.descending("orderDate")).limit(1).first();
        return latest == null ? null : MongoDocs.localDate(latest.getDate("orderDate"));
    }

    @Override
    public Order cancel(String orderId, String user, Instant now) {
        return MongoDocs.guard(where, () -> {
            Document current = findDocument(orderId);
            if (current == null) {
                throw new NotFoundException("This order");
            }
            if (OrderStatus.ACTIVE.name().equals(current.getString("status"))) {
                long version = ((Number) current.get("version")).longValue();
                orders.updateOne(MongoDocs.atVersion(orderId, version), Updates.combine(
                        Updates.set("status", OrderStatus.CANCELLED.name()), Updates.set("reverted", false),
                        Updates.set("updatedAt", Date.from(now)), Updates.set("updatedBy", user),
                        Updates.set("version", version + 1)));
                current = findDocument(orderId);
                if (current == null) {
                    throw new NotFoundException("This order"); // deleted with its customer meanwhile
                }
            }
            if (!current.getBoolean("reverted", true)) {
                uncount(current);
                orders.updateOne(Filters.eq("_id", oid(orderId)), Updates.set("reverted", true));
            }
            return fromDocument(findDocument(orderId));
        });
    }

    @Override
    public Optional<Order> findById(String id) {
        return MongoDocs.guard(where, () -> Optional.ofNullable(findDocument(id)).map(MongoOrderRepository::fromDocument));
    }

    @Override
    public java.util.Set<String> existingIds(java.util.Collection<String> ids) {
        java.util.Set<String> found = new java.util.HashSet<>();
        List<ObjectId> wanted = ids.stream().filter(com.crmplatform.store.Ids::isValid).map(ObjectId::new).toList();
        if (!wanted.isEmpty()) {
            MongoDocs.guard(where, () -> orders.find(Filters.in("_id", wanted)).projection(new Document("_id", 1))
                    .map(d -> d.getObjectId("_id").toHexString()).into(found));
        }
        return found;
    }

    private Document findDocument(String id) {
        return orders.find(Filters.eq("_id", oid(id))).first();
    }

    @Override
    public Page<Order> page(OrderQuery query, PageRequest request) {
        List<Bson> and = filters(query);
        String field = switch (query.sort()) {
            case DATE -> "orderDate";
            case AMOUNT -> "amount";
            case CUSTOMER -> "customerName";
        };
        boolean readAscending = query.descending() == request.backwards(); // display order is the query's
        var cursor = request.after() != null ? request.after() : request.before();
        if (cursor != null) {
            Object value = switch (query.sort()) {
                case DATE -> MongoDocs.date((LocalDate) cursor.sortValue());
                case AMOUNT -> MongoDocs.money((java.math.BigDecimal) cursor.sortValue());
                case CUSTOMER -> cursor.sortValue();
            };
            and.add(MongoKeyset.beyond(field, value, oid(cursor.id()), readAscending, false, request.inclusive()));
        }
        Bson filter = and.isEmpty() ? new Document() : Filters.and(and);
        return MongoDocs.guard(where, () -> Page.fromFetched(orders.find(filter).sort(MongoKeyset.sort(field, readAscending))
                .limit(request.limit() + 1).map(MongoOrderRepository::fromDocument).into(new ArrayList<>()), request));
    }

    @Override
    public java.math.BigDecimal activeTotal(OrderQuery query) {
        List<Bson> and = filters(query);
        and.add(Filters.eq("status", OrderStatus.ACTIVE.name()));
        return MongoDocs.guard(where, () -> {
            Document sum = orders.aggregate(List.of(com.mongodb.client.model.Aggregates.match(Filters.and(and)),
                    com.mongodb.client.model.Aggregates.group(null, com.mongodb.client.model.Accumulators.sum("total",
                            "$amount")))).first();
            return sum == null ? java.math.BigDecimal.ZERO : MongoDocs.money(sum.get("total"));
        });
    }

    @Override
    public long count(OrderQuery query) {
        List<Bson> and = filters(query);
        return MongoDocs.guard(where, () -> and.isEmpty() ? orders.countDocuments() : orders.countDocuments(Filters.and(and)));
    }

    /** Set once the store is built: the customers a rule selects come from their repository. */
    private com.crmplatform.segment.AudienceRepository audience;

    public void useAudience(com.crmplatform.segment.AudienceRepository audience) {
        this.audience = audience;
    }

    @Override
    public List<PurchaseMoment> purchaseMoments(com.crmplatform.segment.SegmentRule rule, LocalDate today, int limit) {
        return MongoDocs.guard(where, () -> {
            // A sample of up to 5,000 matching customers is plenty to see when they buy.
            List<String> ids = audience.matching(rule, today, null, 5_000).stream()
                    .map(com.crmplatform.customer.Customer::id).toList();
            if (ids.isEmpty()) {
                return List.of();
            }
            return orders.find(Filters.and(Filters.in("customerId", ids), Filters.eq("status", "ACTIVE")))
                    .sort(Sorts.descending("orderDate")).limit(limit)
                    .map(d -> new PurchaseMoment(MongoDocs.localDate(d.getDate("orderDate")), d.getDate("createdAt").toInstant()))
                    .into(new ArrayList<>());
        });
    }

    /**
     * Finishes order writes that a crash interrupted between storing an order and moving its
     * customer's totals (MongoDB has no multi-document transactions); returns how many it finished.
     * Run when the central store is opened.
     */
    public int recoverInterruptedWrites() {
        return MongoDocs.guard(where, () -> {
            // Orders stored but not yet processed, and cancellations not yet taken out: both steps are
            // conditional, so sweeping while other processes write is safe.
            List<Document> unprocessed = orders.find(Filters.eq("applied", false)).into(new ArrayList<>());
            applyAll(unprocessed);
            List<Document> cancelled = orders.find(Filters.eq("reverted", false)).into(new ArrayList<>());
            for (Document o : cancelled) {
                uncount(o);
                orders.updateOne(Filters.eq("_id", o.get("_id")), Updates.set("reverted", true));
            }
            return unprocessed.size() + cancelled.size();
        });
    }

    /** Deletes a customer's orders (the customer is being deleted); returns them for undo. */
    public List<Order> deleteOfCustomer(String customerId) {
        List<Order> list = orders.find(Filters.eq("customerId", customerId)).map(MongoOrderRepository::fromDocument)
                .into(new ArrayList<>());
        if (!list.isEmpty()) { // exactly those read: an order added meanwhile is not lost without a trace
            orders.deleteMany(Filters.in("_id", list.stream().map(o -> oid(o.id())).toList()));
        }
        return list;
    }

    /** Puts deleted orders back as they were; their effect is already in the restored customer. */
    /** The orders a customer's totals include and the ones recorded as cancelled, as the customer document lists them. */
    public List<List<String>> countedOf(String customerId) {
        return MongoDocs.guard(where, () -> {
            Document c = customers.find(Filters.eq("_id", oid(customerId))).first();
            return c == null ? List.of(List.<String>of(), List.<String>of())
                    : List.of(c.getList(MongoDocs.APPLIED, String.class, List.of()), c.getList(MongoDocs.REVOKED, String.class, List.of()));
        });
    }

    /**
     * Puts back orders deleted with their customer, each marked as it stood: counted or not, and a
     * cancelled one taken out of the totals or not, so the sweep finishes only what was unfinished.
     */
    public void restoreAll(List<Order> list, java.util.Collection<String> counted, java.util.Collection<String> revoked) {
        if (!list.isEmpty()) {
            orders.insertMany(list.stream().map(o -> toDocument(o)
                    .append("applied", o.isActive() ? counted.contains(o.id()) : true)
                    .append("reverted", o.isActive() || revoked.contains(o.id()))).toList());
        }
    }

    public void restoreAll(List<Order> list) {
        if (!list.isEmpty()) {
            orders.insertMany(list.stream().map(o -> toDocument(o).append("applied", true).append("reverted", true)).toList());
        }
    }

    private static List<Bson> filters(OrderQuery q) {
        List<Bson> and = new ArrayList<>();
        if (q.customerId() != null) {
            and.add(Filters.eq("customerId", q.customerId()));
        }
        if (q.from() != null) {
            and.add(Filters.gte("orderDate", MongoDocs.date(q.from())));
        }
        if (q.to() != null) {
            and.add(Filters.lte("orderDate", MongoDocs.date(q.to())));
        }
        return and;
    }

    public static Document toDocument(Order o) {
        List<Document> items = o.items().stream().map(i -> new Document("name", i.name()).append("quantity", i.quantity())).toList();
        Document d = new Document("_id", oid(o.id())).append("customerId", o.customerId())
                .append("customerName", o.customerName()).append("customerEmail", o.customerEmail())
                .append("amount", MongoDocs.money(o.amount())).append("orderDate", MongoDocs.date(o.orderDate()))
                .append("items", items).append("status", o.status().name()).append("applied", !o.isActive());
        MongoDocs.putAudit(d, o.audit());
        return d;
    }

    public static Order fromDocument(Document d) {
        List<LineItem> items = d.getList("items", Document.class, List.of()).stream()
                .map(i -> new LineItem(i.getString("name"), ((Number) i.get("quantity")).intValue())).toList();
        Audit audit = MongoDocs.audit(d);
        return new Order(d.getObjectId("_id").toHexString(), d.getString("customerId"), d.getString("customerName"),
                d.getString("customerEmail"), MongoDocs.money(d.get("amount")), MongoDocs.localDate(d.getDate("orderDate")),
                items, OrderStatus.valueOf(d.getString("status")), audit);
    }
}
