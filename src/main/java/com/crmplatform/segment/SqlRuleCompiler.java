package com.crmplatform.segment;

import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.segment.SegmentRule.Group;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles a validated rule into a parameterised SQL condition on the local store's customers
 * table. Only column names from this class and {@code ?} placeholders appear in the SQL; values
 * are always parameters. Money is compared in exact integer paise; {@code last_purchase} is ''
 * for a customer who never bought.
 */
public final class SqlRuleCompiler {

    /** A SQL boolean expression and its parameters, in order. */
    public record Sql(String condition, List<Object> params) {
    }

    private SqlRuleCompiler() {
    }

    public static Sql compile(SegmentRule rule, LocalDate today) {
        List<Object> params = new ArrayList<>();
        String sql = compile(rule, today, params);
        return new Sql(sql, params);
    }

    private static String compile(SegmentRule rule, LocalDate today, List<Object> params) {
        if (rule instanceof Group g) {
            String joiner = g.op() == SegmentRule.Logic.AND ? " AND " : " OR ";
            return g.rules().stream().map(r -> compile(r, today, params)).collect(Collectors.joining(joiner, "(", ")"));
        }
        Condition c = (Condition) rule;
        RuleOperator op = c.operator();
        return switch (c.field()) {
            case TOTAL_SPEND -> money(op, c.number(), params);
            case VISITS -> {
                params.add(c.integer());
                yield "visits " + sqlOp(op) + " ?";
            }
            case LAST_PURCHASE_DATE -> {
                params.add(c.date().toString());
                yield switch (op) {
                    case LT, LTE -> "(last_purchase <> '' AND last_purchase " + sqlOp(op) + " ?)";
                    default -> "last_purchase " + sqlOp(op) + " ?";
                };
            }
            case INACTIVE_DAYS -> {
                // inactive > N  <=>  last purchase before today - N, or never
                params.add(today.minusDays(c.integer()).toString());
                yield switch (op) {
                    case GT -> "(last_purchase = '' OR last_purchase < ?)";
                    case GTE -> "(last_purchase = '' OR last_purchase <= ?)";
                    case LT -> "last_purchase > ?";
                    case LTE -> "last_purchase >= ?";
                    case EQ -> "last_purchase = ?";
                    case NE -> "last_purchase <> ?";
                };
            }
        };
    }

    /** Integer paise against a threshold that may have fractions of a paisa, exactly. */
    private static String money(RuleOperator op, BigDecimal rupees, List<Object> params) {
        BigDecimal paise = rupees.movePointRight(2);
        if (paise.stripTrailingZeros().scale() <= 0) {
            params.add(paise.longValueExact());
            return "total_spend_paise " + sqlOp(op) + " ?";
        }
        long floor = paise.setScale(0, RoundingMode.FLOOR).longValueExact();
        return switch (op) {
            case GT, GTE -> {
                params.add(floor + 1);
                yield "total_spend_paise >= ?";
            }
            case LT, LTE -> {
                params.add(floor);
                yield "total_spend_paise <= ?";
            }
            case EQ -> "0 = 1";
            case NE -> "1 = 1";
        };
    }

    private static String sqlOp(RuleOperator op) {
        return op == RuleOperator.NE ? "<>" : op.symbol();
    }
}
