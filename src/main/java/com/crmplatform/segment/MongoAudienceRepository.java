package com.crmplatform.segment;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.MongoCustomerRepository;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.List;

/** Audiences in the central store: the rule compiled to a typed filter over the customers collection. */
public final class MongoAudienceRepository implements AudienceRepository {

    private final MongoCustomerRepository customers;
    private final com.mongodb.client.MongoCollection<org.bson.Document> consent;

    /** @param consent the consent collection (one document per address, {@code _id} in lower case) */
    public MongoAudienceRepository(MongoCustomerRepository customers,
                                   com.mongodb.client.MongoCollection<org.bson.Document> consent) {
        this.customers = customers;
        this.consent = consent;
    }

    @Override
    public long countUnsubscribed(SegmentRule rule, LocalDate today) {
        List<Object> out = consent.find(Filters.eq("state", "UNSUBSCRIBED")).projection(new org.bson.Document("_id", 1))
                .map(d -> d.get("_id")).into(new java.util.ArrayList<>());
        return out.isEmpty() ? 0 : customers.countWhere(Filters.and(MongoRuleCompiler.compile(rule, today),
                Filters.in("emailLc", out)));
    }

    @Override
    public long countMatching(SegmentRule rule, LocalDate today) {
        return customers.countWhere(MongoRuleCompiler.compile(rule, today));
    }

    @Override
    public List<Customer> matching(SegmentRule rule, LocalDate today, String afterId, int limit) {
        return customers.selectWhere(MongoRuleCompiler.compile(rule, today), afterId, limit);
    }

    @Override
    public List<Customer> notMatching(SegmentRule rule, LocalDate today, String afterId, int limit) {
        return customers.selectWhere(Filters.nor(MongoRuleCompiler.compile(rule, today)), afterId, limit);
    }
}
