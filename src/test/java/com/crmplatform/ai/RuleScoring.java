package com.crmplatform.ai;

import com.crmplatform.customer.Customer;
import com.crmplatform.segment.RuleEvaluator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.Audit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two rules are the same when they select the same customers: checked on synthetic customers
 * spread over spend, visits and recency (as shared/data/score_segment_queries.py does), kept a few
 * percent away from every threshold so only real differences count.
 */
final class RuleScoring {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final List<Customer> customers = new ArrayList<>();

    RuleScoring(List<BigDecimal> spendThresholds, List<Long> dayThresholds) {
        Random r = new Random(7);
        Audit audit = Audit.created(Instant.parse("2026-11-25T00:00:00Z"), "test");
        while (customers.size() < 4000) {
            double spend = Math.round(Math.pow(10, 1.5 + r.nextDouble() * 3.9) * 100) / 100.0;
            if (spendThresholds.stream().anyMatch(t -> Math.abs(spend - t.doubleValue()) <= 0.03 * t.doubleValue())) {
                continue;
            }
            double u = r.nextDouble();
            int days = u < 0.3 ? r.nextInt(61) : u < 0.9 ? r.nextInt(521) : 520 + r.nextInt(781);
            if (dayThresholds.stream().anyMatch(t -> Math.abs(days - t) <= Math.max(2, 0.04 * t))) {
                continue;
            }
            int visits = Math.min((int) (-Math.log(1 - r.nextDouble()) * 4), 25);
            customers.add(new Customer("c" + customers.size(), "C", "c@example.com", "", "", BigDecimal.valueOf(spend).setScale(2,
                    java.math.RoundingMode.HALF_UP), visits, TODAY.minusDays(days), audit));
        }
    }

    boolean same(SegmentRule a, SegmentRule b) {
        for (Customer c : customers) {
            if (RuleEvaluator.matches(a, c, TODAY) != RuleEvaluator.matches(b, c, TODAY)) {
                return false;
            }
        }
        return true;
    }

    static void thresholds(SegmentRule rule, List<BigDecimal> spend, List<Long> days) {
        if (rule instanceof SegmentRule.Group g) {
            g.rules().forEach(r -> thresholds(r, spend, days));
        } else if (rule instanceof SegmentRule.Condition c) {
            switch (c.field()) {
                case TOTAL_SPEND -> spend.add(c.number());
                case INACTIVE_DAYS -> days.add(c.integer());
                case LAST_PURCHASE_DATE -> days.add(java.time.temporal.ChronoUnit.DAYS.between(c.date(), TODAY));
                default -> { }
            }
        }
    }
}
