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
 * Orders in MongoDB, which has no multi-document transactions here, so moving a customer's totals
 * is a resumable protocol instead of one atomic write:
 * <ol>
 * <li>the order is stored with {@code applied: false};</li>
 * <li>the customer's totals move and a marker {@code "a:<orderId>"} is added to its {@code ops},
 *     in one optimistic single-document update that is skipped when the marker is already there;</li>
 * <li>the order is marked {@code applied: true};</li>
 * <li>the marker is pulled.</li>
 * </ol>
 * A crash anywhere leaves a state that {@link #recoverInterruptedWrites()} (run at start-up) or a
 * retry finishes without counting anything twice. Cancelling works the same way with
 * {@code reverted} and {@code "c:<orderId>"}. See docs/adr/0003.
 */
public final class MongoOrderRepository implements OrderRepository {

    private static final int MAX_RACES = 20;

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
            finishApply(findDocument(order.id()));
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
                created -= e.getWriteErrors().size(); // already stored: a retried import
            }
            applyAll(list.stream().map(o -> oid(o.id())).toList());
            return created;
        });
    }

    /**
     * Steps 2-4 for a batch in a handful of round trips: one read of the orders and one of their
     * customers, one bulk write moving each customer's totals (all its markers at once), one update
     * marking the orders applied and one pulling the markers. A customer that raced or already
     * holds a marker (a resumed crash) goes the one-order-at-a-time way.
     */
    private void applyAll(List<org.bson.types.ObjectId> ids) {
        List<Document> pending = orders.find(Filters.and(Filters.in("_id", ids), Filters.eq("applied", false),
                Filters.eq("status", OrderStatus.ACTIVE.name()))).into(new ArrayList<>());
        if (pending.isEmpty()) {
            return;
        }
        java.util.Map<String, List<Document>> byCustomer = new java.util.LinkedHashMap<>();
        pending.forEach(o -> byCustomer.computeIfAbsent(o.getString("customerId"), k -> new ArrayList<>()).add(o));
        java.util.Map<String, Document> stored = new java.util.HashMap<>();
        customers.find(Filters.in("_id", byCustomer.keySet().stream().map(MongoDocs::oid).toList()))
                .forEach(c -> stored.put(c.getObjectId("_id").toHexString(), c));
        List<Document> oneByOne = new ArrayList<>();
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>();
        java.util.Map<String, org.bson.types.ObjectId> tokens = new java.util.HashMap<>();
        List<String> markers = new ArrayList<>();
        byCustomer.forEach((customerId, list) -> {
            Document c = stored.get(customerId);
            List<String> mine = list.stream().map(o -> "a:" + o.getObjectId("_id").toHexString()).toList();
            List<?> ops = c == null ? List.of() : c.getList("ops", Object.class, List.of());
            if (c == null || mine.stream().anyMatch(ops::contains)) {
                oneByOne.addAll(list);
                return;
            }
            BigDecimal spend = MongoDocs.money(c.get("totalSpend"));
            int visits = ((Number) c.get("visits")).intValue();
            LocalDate last = MongoDocs.localDate(c.getDate("lastPurchaseDate"));
            Document latest = list.get(list.size() - 1);
            for (Document o : list) {
                spend = spend.add(MongoDocs.money(o.get("amount")));
                visits++;
                LocalDate d = MongoDocs.localDate(o.getDate("orderDate"));
                last = last == null || d.isAfter(last) ? d : last;
            }
            long version = ((Number) c.get("version")).longValue();
            org.bson.types.ObjectId token = new org.bson.types.ObjectId();
            tokens.put(customerId, token);
            markers.addAll(mine);
            writes.add(new com.mongodb.client.model.UpdateOneModel<>(MongoDocs.atVersion(customerId, version), Updates.combine(
                    Updates.set("totalSpend", MongoDocs.money(spend)), Updates.set("visits", visits),
                    Updates.set("lastPurchaseDate", MongoDocs.date(last)), Updates.set("version", version + 1),
                    Updates.set("updatedAt", latest.getDate("updatedAt")), Updates.set("updatedBy", latest.getString("updatedBy")),
                    Updates.pushEach("ops", mine), Updates.set("writeToken", token))));
        });
        if (!writes.isEmpty()) {
            int matched = customers.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false))
                    .getMatchedCount();
            if (matched < writes.size()) { // someone changed a customer meanwhile: those go one by one
                java.util.Set<String> landed = new java.util.HashSet<>();
                customers.find(Filters.in("_id", tokens.keySet().stream().map(MongoDocs::oid).toList()))
                        .projection(new Document("writeToken", 1)).forEach(d -> {
                            String id = d.getObjectId("_id").toHexString();
                            if (tokens.get(id).equals(d.get("writeToken"))) {
                                landed.add(id);
                            }
                        });
                tokens.keySet().stream().filter(id -> !landed.contains(id)).forEach(id -> {
                    oneByOne.addAll(byCustomer.get(id));
                    byCustomer.get(id).forEach(o -> markers.remove("a:" + o.getObjectId("_id").toHexString()));
                });
            }
        }
        List<Object> applied = pending.stream().filter(o -> !oneByOne.contains(o)).map(o -> o.get("_id")).toList();
        if (!applied.isEmpty()) {
            orders.updateMany(Filters.in("_id", applied), Updates.set("applied", true));
            customers.updateMany(Filters.in("_id", tokens.keySet().stream().map(MongoDocs::oid).toList()),
                    Updates.pullAll("ops", markers));
        }
        oneByOne.forEach(this::finishApply);
    }

    /** Steps 2-4 for an order not yet applied; nothing for one that is. */
    private void finishApply(Document order) {
        if (order == null || order.getBoolean("applied", false) || !OrderStatus.ACTIVE.name().equals(order.getString("status"))) {
            return;
        }
        String marker = "a:" + order.getObjectId("_id").toHexString();
        moveTotals(order, marker, true);
        orders.updateOne(Filters.eq("_id", order.getObjectId("_id")), Updates.set("applied", true));
        customers.updateOne(Filters.eq("_id", oid(order.getString("customerId"))), Updates.pull("ops", marker));
    }

    /** Steps 2-4 of a cancellation not yet taken out of the totals. */
    private void finishRevert(Document order) {
        if (order == null || order.getBoolean("reverted", true)) {
            return;
        }
        String marker = "c:" + order.getObjectId("_id").toHexString();
        moveTotals(order, marker, false);
        orders.updateOne(Filters.eq("_id", order.getObjectId("_id")), Updates.set("reverted", true));
        customers.updateOne(Filters.eq("_id", oid(order.getString("customerId"))), Updates.pull("ops", marker));
    }

    /** Step 2: one optimistic update of the customer document, at most once per marker. */
    private void moveTotals(Document order, String marker, boolean add) {
        String customerId = order.getString("customerId");
        BigDecimal amount = MongoDocs.money(order.get("amount"));
        LocalDate date = MongoDocs.localDate(order.getDate("orderDate"));
        for (int attempt = 0; attempt < MAX_RACES; attempt++) {
            Document c = customers.find(Filters.eq("_id", oid(customerId))).first();
            if (c == null) {
                return; // the customer was deleted with its orders
            }
            List<?> ops = c.getList("ops", Object.class, List.of());
            if (ops.contains(marker)) {
                return; // this step already happened before a crash
            }
            BigDecimal spend = MongoDocs.money(c.get("totalSpend"));
            int visits = ((Number) c.get("visits")).intValue();
            LocalDate last = MongoDocs.localDate(c.getDate("lastPurchaseDate"));
            if (add) {
                spend = spend.add(amount);
                visits++;
                last = last == null || date.isAfter(last) ? date : last;
            } else {
                spend = spend.subtract(amount).max(BigDecimal.ZERO.setScale(2));
                visits = Math.max(0, visits - 1);
                if (date.equals(last)) {
                    last = latestActiveOrderDate(customerId);
                }
            }
            long version = ((Number) c.get("version")).longValue();
            Bson update = Updates.combine(Updates.set("totalSpend", MongoDocs.money(spend)), Updates.set("visits", visits),
                    Updates.set("lastPurchaseDate", MongoDocs.date(last)), Updates.set("version", version + 1),
                    Updates.set("updatedAt", order.getDate("updatedAt")), Updates.set("updatedBy", order.getString("updatedBy")),
                    Updates.push("ops", marker));
            if (customers.updateOne(MongoDocs.atVersion(customerId, version), update).getModifiedCount() == 1) {
                return;
            }
        }
        throw new MongoException("the customer's totals kept changing under this order; it will be finished at the next start");
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
            }
            if (current.getBoolean("applied", false)) {
                finishRevert(current);
            } else {
                // never counted: nothing to take back
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
        boolean readAscending = request.backwards(); // display order is newest first
        var cursor = request.after() != null ? request.after() : request.before();
        if (cursor != null) {
            and.add(MongoKeyset.beyond("orderDate", MongoDocs.date((LocalDate) cursor.sortValue()), oid(cursor.id()),
                    readAscending, false, request.inclusive()));
        }
        Bson filter = and.isEmpty() ? new Document() : Filters.and(and);
        return MongoDocs.guard(where, () -> Page.fromFetched(orders.find(filter).sort(MongoKeyset.sort("orderDate", readAscending))
                .limit(request.limit() + 1).map(MongoOrderRepository::fromDocument).into(new ArrayList<>()), request));
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
            int finished = 0;
            for (Document o : orders.find(Filters.eq("applied", false)).into(new ArrayList<>())) {
                finishApply(o);
                finished++;
            }
            for (Document o : orders.find(Filters.eq("reverted", false)).into(new ArrayList<>())) {
                cancel(o.getObjectId("_id").toHexString(), o.getString("updatedBy"), o.getDate("updatedAt").toInstant());
                finished++;
            }
            // Markers left by a crash between steps 3 and 4.
            for (Document c : customers.find(Filters.exists("ops.0")).into(new ArrayList<>())) {
                customers.updateOne(Filters.eq("_id", c.getObjectId("_id")),
                        Updates.pullAll("ops", c.getList("ops", Object.class)));
            }
            return finished;
        });
    }

    /** Deletes a customer's orders (the customer is being deleted); returns them for undo. */
    public List<Order> deleteOfCustomer(String customerId) {
        List<Order> list = orders.find(Filters.eq("customerId", customerId)).map(MongoOrderRepository::fromDocument)
                .into(new ArrayList<>());
        orders.deleteMany(Filters.eq("customerId", customerId));
        return list;
    }

    /** Puts deleted orders back as they were; their effect is already in the restored customer. */
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

    static Document toDocument(Order o) {
        List<Document> items = o.items().stream().map(i -> new Document("name", i.name()).append("quantity", i.quantity())).toList();
        Document d = new Document("_id", oid(o.id())).append("customerId", o.customerId())
                .append("customerName", o.customerName()).append("customerEmail", o.customerEmail())
                .append("amount", MongoDocs.money(o.amount())).append("orderDate", MongoDocs.date(o.orderDate()))
                .append("items", items).append("status", o.status().name()).append("applied", !o.isActive());
        MongoDocs.putAudit(d, o.audit());
        return d;
    }

    static Order fromDocument(Document d) {
        List<LineItem> items = d.getList("items", Document.class, List.of()).stream()
                .map(i -> new LineItem(i.getString("name"), ((Number) i.get("quantity")).intValue())).toList();
        Audit audit = MongoDocs.audit(d);
        return new Order(d.getObjectId("_id").toHexString(), d.getString("customerId"), d.getString("customerName"),
                d.getString("customerEmail"), MongoDocs.money(d.get("amount")), MongoDocs.localDate(d.getDate("orderDate")),
                items, OrderStatus.valueOf(d.getString("status")), audit);
    }
}
