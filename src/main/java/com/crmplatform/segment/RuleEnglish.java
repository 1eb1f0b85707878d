package com.crmplatform.segment;

import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.segment.SegmentRule.Group;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** A rule in words: "Total spend > ₹10,000 AND (Visits < 3 OR Inactive > 90 days)". */
public final class RuleEnglish {

    private RuleEnglish() {
    }

    public static String describe(SegmentRule rule) {
        return describe(rule, true);
    }

    private static String describe(SegmentRule rule, boolean top) {
        if (rule instanceof Condition c) {
            return condition(c);
        }
        Group g = (Group) rule;
        if (g.rules().size() == 1) {
            return describe(g.rules().get(0), top);
        }
        String inner = g.rules().stream().map(r -> describe(r, false)).collect(Collectors.joining(" " + g.op().name() + " "));
        return top ? inner : "(" + inner + ")";
    }

    private static String condition(Condition c) {
        String op = c.operator().symbol().equals("!=") ? "≠" : c.operator().symbol();
        return switch (c.field()) {
            case TOTAL_SPEND -> "Total spend " + op + " " + rupees(c.number());
            case VISITS -> "Visits " + op + " " + c.integer();
            case LAST_PURCHASE_DATE -> "Last purchase " + op + " " + c.date();
            case INACTIVE_DAYS -> "Inactive " + op + " " + c.integer() + (c.integer() == 1 ? " day" : " days");
        };
    }

    /** An amount as the rule's English shows it: "₹10,000", "₹1,00,000", "₹2,499.50". */
    public static String rupees(BigDecimal amount) {
        return com.crmplatform.store.Money.rupees(amount);
    }
}
