package com.crmplatform.segment;

import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.segment.SegmentRule.Group;
import com.crmplatform.store.mongo.MongoDocs;
import com.mongodb.client.model.Filters;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * Compiles a validated rule into a MongoDB filter. Field names come from this class only and
 * values are typed BSON values, so no {@code $}-key or unchecked value reaches the database.
 */
public final class MongoRuleCompiler {

    private MongoRuleCompiler() {
    }

    public static Bson compile(SegmentRule rule, java.time.LocalDate today) {
        if (rule instanceof Group g) {
            List<Bson> parts = g.rules().stream().map(r -> compile(r, today)).toList();
            return g.op() == SegmentRule.Logic.AND ? Filters.and(parts) : Filters.or(parts);
        }
        Condition c = (Condition) rule;
        return switch (c.field()) {
            case TOTAL_SPEND -> compare("totalSpend", c.operator(), MongoDocs.money(c.number()));
            case VISITS -> compare("visits", c.operator(), c.integer());
            case LAST_PURCHASE_DATE -> compare("lastPurchaseDate", c.operator(), MongoDocs.date(c.date()));
            case INACTIVE_DAYS -> inactive(c.operator(), MongoDocs.date(today.minusDays(c.integer())));
        };
    }

    private static Bson inactive(RuleOperator op, Date cutoff) {
        String f = "lastPurchaseDate";
        return switch (op) {
            case GT -> Filters.or(Filters.eq(f, null), Filters.lt(f, cutoff));
            case GTE -> Filters.or(Filters.eq(f, null), Filters.lte(f, cutoff));
            case LT -> Filters.gt(f, cutoff);
            case LTE -> Filters.gte(f, cutoff);
            case EQ -> Filters.eq(f, cutoff);
            case NE -> Filters.ne(f, cutoff);
        };
    }

    private static Bson compare(String field, RuleOperator op, Object value) {
        return switch (op) {
            case GT -> Filters.gt(field, value);
            case GTE -> Filters.gte(field, value);
            case LT -> Filters.lt(field, value);
            case LTE -> Filters.lte(field, value);
            case EQ -> Filters.eq(field, value);
            case NE -> Filters.ne(field, value);
        };
    }
}
