package com.crmplatform.customer;

import static com.crmplatform.store.mongo.MongoDocs.atVersion;
import static com.crmplatform.store.mongo.MongoDocs.oid;

import com.crmplatform.store.DuplicateEmailException;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.StaleRecordException;
import com.crmplatform.store.mongo.MongoDocs;
import com.crmplatform.store.mongo.MongoKeyset;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Customers in MongoDB. Without multi-document transactions, a batch is one bulk write: on a
 * duplicate email the other rows of the batch are still written, and the caller is told.
 */
public final class MongoCustomerRepository implements CustomerRepository {

    private final MongoCollection<Document> customers;
    private final String where;

    public MongoCustomerRepository(MongoCollection<Document> customers, String where) {
        this.customers = customers;
        this.where = where;
    }

    /** Inserts a customer restored after a deletion, with the lists of the orders its totals include. */
    public void insert(Customer customer, List<String> countedOrders, List<String> revokedOrders) {
        MongoDocs.guard(where, () -> {
            try {
                customers.insertOne(toDocument(customer).append(MongoDocs.APPLIED, countedOrders)
                        .append(MongoDocs.REVOKED, revokedOrders));
            } catch (MongoException e) {
                throw MongoDocs.isDuplicateKey(e) ? new DuplicateEmailException(customer.email()) : e;
            }
            return null;
        });
    }

    @Override
    public void insert(Customer customer) {
        MongoDocs.guard(where, () -> {
            try {
                customers.insertOne(toDocument(customer));
            } catch (MongoException e) {
                throw MongoDocs.isDuplicateKey(e) ? new DuplicateEmailException(customer.email()) : e;
            }
            return null;
        });
    }

    @Override
    public void update(Customer updated, long expectedVersion) {
        if (!writeBatch(List.of(), List.of(new VersionedUpdate(updated, expectedVersion))).isEmpty()) {
            throw new StaleRecordException("Customer " + updated.name());
        }
    }

    @Override
    public List<String> writeBatch(List<Customer> inserts, List<VersionedUpdate> updates) {
        return MongoDocs.guard(where, () -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            inserts.forEach(c -> writes.add(new com.mongodb.client.model.InsertOneModel<>(toDocument(c))));
            // Each update carries a fresh token, so a read afterwards tells exactly which ones landed.
            java.util.Map<String, ObjectId> tokens = new java.util.HashMap<>();
            for (VersionedUpdate u : updates) {
                ObjectId token = new ObjectId();
                tokens.put(u.customer().id(), token);
                // $set of the customer's own fields, never a replace: what order writes record on the
                // document (the orders its totals include) survives an edit.
                Document fields = toDocument(u.customer()).append("writeToken", token);
                fields.remove("_id");
                fields.remove(MongoDocs.APPLIED);
                fields.remove(MongoDocs.REVOKED);
                writes.add(new com.mongodb.client.model.UpdateOneModel<>(atVersion(u.customer().id(), u.expectedVersion()),
                        new Document("$set", fields)));
            }
            if (writes.isEmpty()) {
                return List.of();
            }
            int matched;
            try {
                matched = customers.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount();
            } catch (MongoException e) {
                if (MongoDocs.isDuplicateKey(e)) {
                    throw new DuplicateEmailException(inserts.size() + updates.size() == 1
                            ? (inserts.isEmpty() ? updates.get(0).customer() : inserts.get(0)).email()
                            : "of one of these customers");
                }
                throw e;
            }
            if (matched == updates.size()) {
                return List.of();
            }
            return staleAmong(tokens);
        });
    }

    /** The updates whose token is not on the stored record: they lost the race (or it was deleted). */
    private List<String> staleAmong(java.util.Map<String, ObjectId> tokens) {
        List<ObjectId> ids = tokens.keySet().stream().map(MongoDocs::oid).toList();
        java.util.Map<String, Object> stored = new java.util.HashMap<>();
        for (Document d : customers.find(Filters.in("_id", ids)).projection(new Document("writeToken", 1))) {
            stored.put(d.getObjectId("_id").toHexString(), d.get("writeToken"));
        }
        List<String> stale = new ArrayList<>();
        tokens.forEach((id, token) -> {
            if (!token.equals(stored.get(id))) {
                stale.add(id);
            }
        });
        return stale;
    }

    @Override
    public List<Customer> insertAbsent(List<Customer> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        return MongoDocs.guard(where, () -> {
            try {
                customers.insertMany(list.stream().map(MongoCustomerRepository::toDocument).toList(),
                        new InsertManyOptions().ordered(false));
                return List.of();
            } catch (com.mongodb.MongoBulkWriteException e) {
                List<Customer> present = new ArrayList<>();
                for (var error : e.getWriteErrors()) {
                    if (error.getCode() != 11000) {
                        throw e;
                    }
                    present.add(list.get(error.getIndex()));
                }
                return present;
            }
        });
    }

    /** Deletes the customer if it still has {@code expectedVersion}; false when it changed or is gone. */
    public boolean deleteAtVersion(String id, long expectedVersion) {
        return MongoDocs.guard(where, () -> customers.deleteOne(atVersion(id, expectedVersion)).getDeletedCount() == 1);
    }

    @Override
    public Optional<Customer> findById(String id) {
        return MongoDocs.guard(where, () -> Optional.ofNullable(customers.find(Filters.eq("_id", oid(id))).first())
                .map(MongoCustomerRepository::fromDocument));
    }

    @Override
    public Optional<Customer> findByEmail(String email) {
        return MongoDocs.guard(where, () -> Optional.ofNullable(customers.find(Filters.eq("emailLc", Customer.emailKey(email))).first())
                .map(MongoCustomerRepository::fromDocument));
    }

    @Override
    public List<Customer> findByEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        List<String> keys = emails.stream().map(Customer::emailKey).distinct().toList();
        return MongoDocs.guard(where, () -> customers.find(Filters.in("emailLc", keys)).map(MongoCustomerRepository::fromDocument)
                .into(new ArrayList<>()));
    }

    @Override
    public Page<Customer> page(CustomerQuery query, PageRequest request) {
        String field = field(query.sort());
        boolean readAscending = query.ascending() != request.backwards();
        List<Bson> and = new ArrayList<>();
        Bson search = search(query.search());
        if (search != null) {
            and.add(search);
        }
        var cursor = request.after() != null ? request.after() : request.before();
        if (cursor != null) {
            Object value = query.sort() == CustomerSort.TOTAL_SPEND ? MongoDocs.money((java.math.BigDecimal) cursor.sortValue())
                    : query.sort() == CustomerSort.LAST_PURCHASE ? MongoDocs.date((java.time.LocalDate) cursor.sortValue())
                    : cursor.sortValue();
            and.add(MongoKeyset.beyond(field, value, oid(cursor.id()), readAscending,
                    query.sort() == CustomerSort.LAST_PURCHASE, request.inclusive()));
        }
        Bson filter = and.isEmpty() ? new Document() : Filters.and(and);
        return MongoDocs.guard(where, () -> Page.fromFetched(customers.find(filter).sort(MongoKeyset.sort(field, readAscending))
                .limit(request.limit() + 1).map(MongoCustomerRepository::fromDocument).into(new ArrayList<>()), request));
    }

    @Override
    public long count(CustomerQuery query) {
        Bson search = search(query.search());
        return MongoDocs.guard(where, () -> search == null ? customers.countDocuments() : customers.countDocuments(search));
    }

    /** How many customers a filter selects (for audiences: a compiled rule). */
    public long countWhere(Bson filter) {
        return MongoDocs.guard(where, () -> customers.countDocuments(filter));
    }

    /** The customers a filter selects, in id order after {@code afterId} (null: from the first). */
    public List<Customer> selectWhere(Bson filter, String afterId, int limit) {
        Bson selected = afterId == null ? filter : Filters.and(filter, Filters.gt("_id", oid(afterId)));
        return MongoDocs.guard(where, () -> customers.find(selected).sort(new Document("_id", 1)).limit(limit)
                .map(MongoCustomerRepository::fromDocument).into(new ArrayList<>()));
    }

    private static Bson search(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Pattern prefix = Pattern.compile("^" + Pattern.quote(text));
        List<Bson> any = new ArrayList<>(List.of(Filters.regex("nameLc", prefix), Filters.regex("surnameLc", prefix),
                Filters.regex("emailLc", prefix)));
        if (SearchKeys.looksLikePhone(text)) {
            any.add(Filters.regex("phoneDigits", Pattern.compile("^" + Pattern.quote(SearchKeys.phoneKey(text)))));
        }
        return Filters.or(any);
    }

    static String field(CustomerSort sort) {
        return switch (sort) {
            case NAME -> "nameLc";
            case EMAIL -> "emailLc";
            case TOTAL_SPEND -> "totalSpend";
            case VISITS -> "visits";
            case LAST_PURCHASE -> "lastPurchaseDate";
        };
    }

    public static Document toDocument(Customer c) {
        String nameKey = SearchKeys.nameKey(c.name());
        Document d = new Document("_id", oid(c.id()))
                .append("name", c.name()).append("nameLc", nameKey)
                .append("surnameLc", SearchKeys.surnameOf(nameKey))
                .append("email", c.email()).append("emailLc", c.emailKey())
                .append("phone", c.phone()).append("phoneDigits", SearchKeys.phoneKey(c.phone()))
                .append("city", c.city()).append("totalSpend", MongoDocs.money(c.totalSpend()))
                .append("visits", c.visits()).append("lastPurchaseDate", MongoDocs.date(c.lastPurchaseDate()));
        MongoDocs.putAudit(d, c.audit());
        return d;
    }

    public static Customer fromDocument(Document d) {
        return new Customer(d.getObjectId("_id").toHexString(), d.getString("name"), d.getString("email"),
                d.getString("phone"), d.getString("city"), MongoDocs.money(d.get("totalSpend")),
                ((Number) d.get("visits")).intValue(), MongoDocs.localDate(d.getDate("lastPurchaseDate")),
                MongoDocs.audit(d));
    }
}
