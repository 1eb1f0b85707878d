package com.crmplatform.store.mongo;

import com.crmplatform.store.Audit;
import com.crmplatform.store.StoreException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** Conversions between Java values and BSON shared by the MongoDB repositories. */
public final class MongoDocs {

    private MongoDocs() {
    }

    public static ObjectId oid(String id) {
        return new ObjectId(id);
    }

    /** Dates are stored as midnight UTC of the day. */
    public static Date date(LocalDate d) {
        return d == null ? null : Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public static LocalDate localDate(Date d) {
        return d == null ? null : d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    public static Decimal128 money(BigDecimal amount) {
        return new Decimal128(amount);
    }

    public static BigDecimal money(Object stored) {
        if (stored instanceof Decimal128 d) {
            return d.bigDecimalValue().setScale(2);
        }
        return stored == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(stored.toString()).setScale(2);
    }

    public static void putAudit(Document doc, Audit a) {
        doc.append("createdAt", Date.from(a.createdAt())).append("updatedAt", Date.from(a.updatedAt()))
                .append("createdBy", a.createdBy()).append("updatedBy", a.updatedBy()).append("version", a.version());
    }

    public static Audit audit(Document doc) {
        return new Audit(doc.getDate("createdAt").toInstant(), doc.getDate("updatedAt").toInstant(),
                doc.getString("createdBy"), doc.getString("updatedBy"), ((Number) doc.get("version")).longValue());
    }

    /** The filter of an optimistic update: this id at this version (a unique index makes it a lookup). */
    public static Bson atVersion(String id, long version) {
        return new Document("_id", oid(id)).append("version", version);
    }

    /** Ids per {@code $in}: some servers (the test stand-in) compare a long list with every document. */
    private static final int IN_CHUNK = 1_000;

    /** The stored documents with these ids, read with {@code $in} lists of at most 1,000 ids. */
    public static java.util.List<Document> findByIds(com.mongodb.client.MongoCollection<Document> collection,
                                                     java.util.Collection<String> ids) {
        return findByField(collection, "_id", ids.stream().map(MongoDocs::oid).toList());
    }

    /** The documents whose {@code field} is one of {@code values}, read with {@code $in} lists of {@link #IN_CHUNK}. */
    public static java.util.List<Document> findByField(com.mongodb.client.MongoCollection<Document> collection, String field,
                                                       java.util.Collection<?> values) {
        java.util.List<?> all = new java.util.ArrayList<>(values);
        java.util.List<Document> found = new java.util.ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            collection.find(com.mongodb.client.model.Filters.in(field, all.subList(i, Math.min(all.size(), i + IN_CHUNK))))
                    .into(found);
        }
        return found;
    }

    public static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException w) {
            return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException b) {
            return b.getWriteErrors().stream().anyMatch(x -> x.getCode() == 11000);
        }
        return e.getCode() == 11000;
    }

    /** On a customer document: the ids of the orders its totals include (see docs/adr/0006). */
    public static final String APPLIED = "appliedOrders";
    /** On a customer document: the ids of its orders that were cancelled, which may never be counted again. */
    public static final String REVOKED = "revokedOrders";

    /** Runs work on the central database; a failure becomes a {@link StoreException} that says what to do. */
    public static <T> T guard(String where, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (com.mongodb.MongoException e) {
            throw translate(e, where);
        }
    }

    /** How long a request may wait for the server's answer before the server counts as gone. */
    public static final int READ_TIMEOUT_SECONDS = 30;

    /** What to tell the user about a failure of the central database. */
    public static StoreException translate(MongoException e, String where) {
        if (e instanceof com.mongodb.MongoSocketReadTimeoutException || e instanceof com.mongodb.MongoOperationTimeoutException) {
            return new StoreException("The MongoDB database at " + where + " stopped answering (no reply within "
                    + READ_TIMEOUT_SECONDS + " s). What was saved before is kept; check the server or your network, "
                    + "then try again.", e);
        }
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException) {
            return new StoreException("Cannot reach the MongoDB database at " + where + ". Check your network "
                    + "or VPN and the MONGO_URL setting, then try again; nothing was half-written.", e);
        }
        if (e instanceof MongoSecurityException) {
            return new StoreException("MongoDB at " + where + " refused the user name or password in MONGO_URL. "
                    + "Check the credentials with your administrator.", e);
        }
        return new StoreException("The MongoDB database at " + where + " reported an error: " + e.getMessage(), e);
    }
}
