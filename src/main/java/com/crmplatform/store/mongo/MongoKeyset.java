package com.crmplatform.store.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Keyset paging in MongoDB: rows beyond a (value, id) position in (field, _id) order. MongoDB
 * sorts null first, so a nullable field needs the null rows placed explicitly.
 */
public final class MongoKeyset {

    private MongoKeyset() {
    }

    public static Bson sort(String field, boolean ascending) {
        return ascending ? Sorts.ascending(field, "_id") : Sorts.descending(field, "_id");
    }

    public static Bson beyond(String field, Object value, ObjectId id, boolean ascending, boolean nullable) {
        return beyond(field, value, id, ascending, nullable, false);
    }

    /** @param inclusive the row at (value, id) itself is included */
    public static Bson beyond(String field, Object value, ObjectId id, boolean ascending, boolean nullable, boolean inclusive) {
        Bson idFurther = ascending ? (inclusive ? Filters.gte("_id", id) : Filters.gt("_id", id))
                : (inclusive ? Filters.lte("_id", id) : Filters.lt("_id", id));
        Bson sameValueFurther = Filters.and(Filters.eq(field, value), idFurther);
        if (value == null) {
            // nulls come first ascending (everything non-null is beyond), last descending
            return ascending ? Filters.or(sameValueFurther, Filters.ne(field, null)) : sameValueFurther;
        }
        Bson further = ascending ? Filters.gt(field, value) : Filters.lt(field, value);
        if (nullable && !ascending) {
            return Filters.or(further, sameValueFurther, Filters.eq(field, null));
        }
        return Filters.or(further, sameValueFurther);
    }
}
