package com.crmplatform.segment;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.MongoCustomerRepository;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.List;

/** Audiences in the central store: the rule compiled to a typed filter over the customers collection. */
public final class MongoAudienceRepository implements AudienceRepository {

    private final MongoCustomerRepository customers;

    public MongoAudienceRepository(MongoCustomerRepository customers) {
        this.customers = customers;
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
