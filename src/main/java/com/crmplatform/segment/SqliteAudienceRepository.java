package com.crmplatform.segment;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.SqliteCustomerRepository;
import java.time.LocalDate;
import java.util.List;

/** Audiences in the local store: the rule compiled to SQL over the customers table. */
public final class SqliteAudienceRepository implements AudienceRepository {

    private final SqliteCustomerRepository customers;

    public SqliteAudienceRepository(SqliteCustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public long countMatching(SegmentRule rule, LocalDate today) {
        SqlRuleCompiler.Sql where = SqlRuleCompiler.compile(rule, today);
        return customers.countWhere(where.condition(), where.params());
    }

    @Override
    public long countUnsubscribed(SegmentRule rule, LocalDate today) {
        SqlRuleCompiler.Sql where = SqlRuleCompiler.compile(rule, today);
        return customers.countWhere("(" + where.condition() + ") AND NOT "
                + com.crmplatform.store.sqlite.SqliteSchema.NOT_UNSUBSCRIBED, where.params());
    }

    @Override
    public List<Customer> matching(SegmentRule rule, LocalDate today, String afterId, int limit) {
        SqlRuleCompiler.Sql where = SqlRuleCompiler.compile(rule, today);
        return customers.selectWhere(where.condition(), where.params(), afterId, limit);
    }

    @Override
    public List<Customer> notMatching(SegmentRule rule, LocalDate today, String afterId, int limit) {
        SqlRuleCompiler.Sql where = SqlRuleCompiler.compile(rule, today);
        return customers.selectWhere("NOT " + where.condition(), where.params(), afterId, limit);
    }
}
