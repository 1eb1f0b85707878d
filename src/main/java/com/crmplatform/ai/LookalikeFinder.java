package com.crmplatform.ai;

import com.crmplatform.customer.Customer;
import com.crmplatform.segment.AudienceRepository;
import com.crmplatform.segment.RuleField;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Customers most like a segment who are not in it, by recency, frequency and spend (log scales,
 * measured in the segment's own spread), and a rule describing them to offer as a new segment.
 * Deterministic: nearest to the segment's centre, no model.
 */
public final class LookalikeFinder {

    /** The lookalikes and the rule that covers most of them. */
    public record Lookalikes(List<Customer> customers, SegmentRule.Group rule, int membersConsidered) {
    }

    private static final int MEMBER_SAMPLE = 5_000;
    private static final int PAGE = 5_000;

    private final AudienceRepository customers;

    public LookalikeFinder(AudienceRepository customers) {
        this.customers = customers;
    }

    /** @param count how many lookalikes to find */
    public Lookalikes find(SegmentRule.Group rule, LocalDate today, int count) {
        List<Customer> members = customers.matching(rule, today, null, MEMBER_SAMPLE);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("The segment has no customers to find lookalikes of.");
        }
        double[] mean = new double[3];
        double[] sd = new double[3];
        for (Customer c : members) {
            double[] f = features(c, today);
            for (int i = 0; i < 3; i++) {
                mean[i] += f[i] / members.size();
            }
        }
        for (Customer c : members) {
            double[] f = features(c, today);
            for (int i = 0; i < 3; i++) {
                sd[i] += (f[i] - mean[i]) * (f[i] - mean[i]) / members.size();
            }
        }
        for (int i = 0; i < 3; i++) {
            sd[i] = Math.max(Math.sqrt(sd[i]), 0.25); // a segment pinned to one value still has a neighbourhood
        }
        record Scored(Customer c, double d) {
        }
        PriorityQueue<Scored> nearest = new PriorityQueue<>(Comparator.comparingDouble(Scored::d).reversed());
        String after = null;
        while (true) {
            List<Customer> page = customers.notMatching(rule, today, after, PAGE);
            for (Customer c : page) {
                double[] f = features(c, today);
                double d = 0;
                for (int i = 0; i < 3; i++) {
                    d += Math.pow((f[i] - mean[i]) / sd[i], 2);
                }
                nearest.add(new Scored(c, d));
                if (nearest.size() > count) {
                    nearest.poll();
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        List<Scored> best = new ArrayList<>(nearest);
        best.sort(Comparator.comparingDouble(Scored::d));
        List<Customer> found = best.stream().map(Scored::c).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("Every customer is already in this segment.");
        }
        return new Lookalikes(found, describe(found, today), members.size());
    }

    /** log spend, log visits, log days inactive (never bought: ten years). */
    private static double[] features(Customer c, LocalDate today) {
        long days = c.lastPurchaseDate() == null ? 3650 : Math.min(3650, ChronoUnit.DAYS.between(c.lastPurchaseDate(), today));
        return new double[] {Math.log1p(c.totalSpend().doubleValue()), Math.log1p(c.visits()), Math.log1p(Math.max(0, days))};
    }

    /** The ranges (10th to 90th percentile) of the lookalikes' spend, visits and inactivity. */
    private static SegmentRule.Group describe(List<Customer> found, LocalDate today) {
        List<BigDecimal> spend = found.stream().map(Customer::totalSpend).sorted().toList();
        List<Long> visits = found.stream().map(c -> (long) c.visits()).sorted().toList();
        List<Long> days = found.stream().filter(c -> c.lastPurchaseDate() != null)
                .map(c -> ChronoUnit.DAYS.between(c.lastPurchaseDate(), today)).sorted().toList();
        List<SegmentRule> rules = new ArrayList<>();
        rules.add(new SegmentRule.Condition(RuleField.TOTAL_SPEND, RuleOperator.GTE, pct(spend, 0.1).setScale(0, RoundingMode.FLOOR)));
        rules.add(new SegmentRule.Condition(RuleField.TOTAL_SPEND, RuleOperator.LTE, pct(spend, 0.9).setScale(0, RoundingMode.CEILING)));
        rules.add(new SegmentRule.Condition(RuleField.VISITS, RuleOperator.GTE, pct(visits, 0.1)));
        rules.add(new SegmentRule.Condition(RuleField.VISITS, RuleOperator.LTE, pct(visits, 0.9)));
        if (!days.isEmpty()) {
            rules.add(new SegmentRule.Condition(RuleField.INACTIVE_DAYS, RuleOperator.GTE, pct(days, 0.1)));
            rules.add(new SegmentRule.Condition(RuleField.INACTIVE_DAYS, RuleOperator.LTE, pct(days, 0.9)));
        }
        return new SegmentRule.Group(SegmentRule.Logic.AND, rules);
    }

    private static <T> T pct(List<T> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
