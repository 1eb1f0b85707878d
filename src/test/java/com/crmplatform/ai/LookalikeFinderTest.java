package com.crmplatform.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.customer.Customer;
import com.crmplatform.segment.RuleEvaluator;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.TestData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookalikeFinderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;

    @Test
    void theNearestNonMembersByRecencyFrequencyAndSpend() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            List<Customer> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) { // the segment: spend 50k+, 10+ visits, bought in the last month
                all.add(TestData.customer("Member " + i, "m" + i + "@example.com", String.valueOf(50_000 + i * 1000), 10 + i % 5,
                        TODAY.minusDays(5 + i)));
            }
            for (int i = 0; i < 10; i++) { // just under the spend line, otherwise alike
                all.add(TestData.customer("Near " + i, "n" + i + "@example.com", String.valueOf(45_000 + i * 300), 11,
                        TODAY.minusDays(10 + i)));
            }
            for (int i = 0; i < 50; i++) { // small, rare, long gone
                all.add(TestData.customer("Far " + i, "f" + i + "@example.com", String.valueOf(200 + i), 1,
                        TODAY.minusDays(400 + i)));
            }
            store.customers().insertAbsent(all);
            SegmentRule.Group segment = SegmentRule.and(SegmentRule.totalSpend(RuleOperator.GTE, "50000"));
            LookalikeFinder.Lookalikes l = new LookalikeFinder(store.audience()).find(segment, TODAY, 10);
            assertEquals(20, l.membersConsidered());
            assertEquals(10, l.customers().size());
            assertTrue(l.customers().stream().allMatch(c -> c.name().startsWith("Near")), l.customers().toString());
            long covered = l.customers().stream().filter(c -> RuleEvaluator.matches(l.rule(), c, TODAY)).count();
            assertTrue(covered >= 8, "the offered rule covers most lookalikes: " + covered);
            assertTrue(all.stream().filter(c -> c.name().startsWith("Far")).noneMatch(c -> RuleEvaluator.matches(l.rule(), c, TODAY)));
        }
    }
}
