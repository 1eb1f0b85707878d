package com.crmplatform.segment;

import com.crmplatform.customer.Customer;
import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.segment.SegmentRule.Group;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Evaluates a rule on one customer in memory: the reference the store compilers are tested
 * against. A customer who never bought is inactive for ever; it has no last purchase date, so
 * every date comparison is false for it except "!=".
 */
public final class RuleEvaluator {

    private RuleEvaluator() {
    }

    public static boolean matches(SegmentRule rule, Customer c, LocalDate today) {
        if (rule instanceof Group g) {
            return g.op() == SegmentRule.Logic.AND
                    ? g.rules().stream().allMatch(r -> matches(r, c, today))
                    : g.rules().stream().anyMatch(r -> matches(r, c, today));
        }
        Condition cond = (Condition) rule;
        RuleOperator op = cond.operator();
        LocalDate last = c.lastPurchaseDate();
        return switch (cond.field()) {
            case TOTAL_SPEND -> op.test(c.totalSpend().compareTo(cond.number()));
            case VISITS -> op.test(Long.compare(c.visits(), cond.integer()));
            case LAST_PURCHASE_DATE -> last == null ? op == RuleOperator.NE : op.test(last.compareTo(cond.date()));
            case INACTIVE_DAYS -> last == null
                    ? op == RuleOperator.GT || op == RuleOperator.GTE || op == RuleOperator.NE
                    : op.test(Long.compare(ChronoUnit.DAYS.between(last, today), cond.integer()));
        };
    }
}
