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
        return guard(() -> {
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
        return guard(() -> {
            int created = list.size();
            try {
                orders.insertMany(list.stream().map(MongoOrderRepository::toDocument).toList(),
                        new InsertManyOptions().ordered(false));
            } catch (com.mongodb.MongoBulkWriteException e) {
                created -= e.getWriteErrors().size(); // already stored: a retried import
            }
            for (Order o : list) {
                finishApply(findDocument(o.id()));
            }
            return created;
        });
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
        return guard(() -> {
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
        return guard(() -> Optional.ofNullable(findDocument(id)).map(MongoOrderRepository::fromDocument));
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
                    readAscending, false));
        }
        Bson filter = and.isEmpty() ? new Document() : Filters.and(and);
        return guard(() -> Page.fromFetched(orders.find(filter).sort(MongoKeyset.sort("orderDate", readAscending))
                .limit(request.limit() + 1).map(MongoOrderRepository::fromDocument).into(new ArrayList<>()), request));
    }

    @Override
    public long count(OrderQuery query) {
        List<Bson> and = filters(query);
        return guard(() -> and.isEmpty() ? orders.countDocuments() : orders.countDocuments(Filters.and(and)));
    }

    /** Set once the store is built: the customers a rule selects come from their repository. */
    private com.crmplatform.customer.CustomerRepository customerRepository;

    public void useCustomers(com.crmplatform.customer.CustomerRepository customers) {
        this.customerRepository = customers;
    }

    @Override
    public List<PurchaseMoment> purchaseMoments(com.crmplatform.segment.SegmentRule rule, LocalDate today, int limit) {
        return guard(() -> {
            // A sample of up to 5,000 matching customers is plenty to see when they buy.
            List<String> ids = customerRepository.matching(rule, today, null, 5_000).stream()
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

    @Override
    public int recoverInterruptedWrites() {
        return guard(() -> {
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

    private <T> T guard(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (MongoException e) {
            throw MongoDocs.translate(e, where);
        }
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
