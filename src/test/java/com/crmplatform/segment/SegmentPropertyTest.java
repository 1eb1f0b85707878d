package com.crmplatform.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.customer.Customer;
import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Ids;
import com.crmplatform.store.StoreFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** For random rule trees and random customers, each store selects exactly what the in-memory evaluation selects. */
class SegmentPropertyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;

    @Test
    void bothStoresAgreeWithTheInMemoryEvaluation() {
        Random r = new Random(20261125);
        List<Customer> customers = randomCustomers(r, 400);
        try (StoreFixture sqlite = StoreFixture.sqlite(dir); StoreFixture mongo = StoreFixture.mongo()) {
            sqlite.store().customers().insertAbsent(customers);
            mongo.store().customers().insertAbsent(customers);
            int nonTrivial = 0;
            for (int i = 0; i < 150; i++) {
                SegmentRule rule = randomGroup(r, customers, 1);
                // the rule survives its own JSON, as a saved segment would
                SegmentRule reread = RuleJson.parse(RuleJson.write(rule));
                List<String> expected = customers.stream().filter(c -> RuleEvaluator.matches(reread, c, TODAY))
                        .map(Customer::id).sorted().toList();
                String why = RuleJson.write(rule);
                assertEquals(expected.size(), sqlite.store().audience().countMatching(reread, TODAY), "SQLite count " + why);
                assertEquals(expected.size(), mongo.store().audience().countMatching(reread, TODAY), "MongoDB count " + why);
                assertEquals(expected, ids(sqlite.store().audience().matching(reread, TODAY, null, 1000)), "SQLite " + why);
                assertEquals(expected, ids(mongo.store().audience().matching(reread, TODAY, null, 1000)), "MongoDB " + why);
                List<String> rest = customers.stream().map(Customer::id).filter(id -> !expected.contains(id)).sorted().toList();
                assertEquals(rest, ids(sqlite.store().audience().notMatching(reread, TODAY, null, 1000)), "SQLite NOT " + why);
                assertEquals(rest, ids(mongo.store().audience().notMatching(reread, TODAY, null, 1000)), "MongoDB NOT " + why);
                if (!expected.isEmpty() && expected.size() < customers.size()) {
                    nonTrivial++;
                }
            }
            assertTrue(nonTrivial > 60, "most rules select some but not all customers: " + nonTrivial);
        }
    }

    private static List<String> ids(List<Customer> list) {
        return list.stream().map(Customer::id).sorted(Comparator.naturalOrder()).toList();
    }

    static List<Customer> randomCustomers(Random r, int n) {
        Audit audit = Audit.created(Instant.parse("2026-11-25T00:00:00Z"), "local:test");
        List<Customer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal spend = BigDecimal.valueOf(r.nextInt(5) == 0 ? 0 : r.nextInt(3_000_000), 2);
            LocalDate last = r.nextInt(6) == 0 ? null : TODAY.minusDays(r.nextInt(400));
            list.add(new Customer(Ids.newId(), "C " + i, "c" + i + "@example.com", "", "", spend, r.nextInt(12), last, audit));
        }
        return list;
    }

    static SegmentRule.Group randomGroup(Random r, List<Customer> customers, int depth) {
        int size = 1 + r.nextInt(3);
        List<SegmentRule> rules = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rules.add(depth < 3 && r.nextInt(4) == 0 ? randomGroup(r, customers, depth + 1) : randomCondition(r, customers));
        }
        return new SegmentRule.Group(r.nextBoolean() ? SegmentRule.Logic.AND : SegmentRule.Logic.OR, rules);
    }

    /** Values are often taken from a real customer, so = and != and the boundaries are exercised. */
    static Condition randomCondition(Random r, List<Customer> customers) {
        RuleOperator op = RuleOperator.values()[r.nextInt(RuleOperator.values().length)];
        Customer c = customers.get(r.nextInt(customers.size()));
        boolean exact = r.nextBoolean();
        return switch (RuleField.values()[r.nextInt(RuleField.values().length)]) {
            case TOTAL_SPEND -> new Condition(RuleField.TOTAL_SPEND, op, exact ? c.totalSpend()
                    : BigDecimal.valueOf(r.nextInt(3_000_000), r.nextInt(4) == 0 ? 3 : 2));
            case VISITS -> new Condition(RuleField.VISITS, op, (long) (exact ? c.visits() : r.nextInt(12)));
            case LAST_PURCHASE_DATE -> new Condition(RuleField.LAST_PURCHASE_DATE, op,
                    exact && c.lastPurchaseDate() != null ? c.lastPurchaseDate() : TODAY.minusDays(r.nextInt(400)));
            case INACTIVE_DAYS -> new Condition(RuleField.INACTIVE_DAYS, op, exact && c.lastPurchaseDate() != null
                    ? java.time.temporal.ChronoUnit.DAYS.between(c.lastPurchaseDate(), TODAY) : (long) r.nextInt(400));
        };
    }
}
