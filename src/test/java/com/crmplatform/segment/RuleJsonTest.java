package com.crmplatform.segment;

import static com.crmplatform.segment.SegmentRule.and;
import static com.crmplatform.segment.SegmentRule.inactiveDays;
import static com.crmplatform.segment.SegmentRule.or;
import static com.crmplatform.segment.SegmentRule.totalSpend;
import static com.crmplatform.segment.SegmentRule.visits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RuleJsonTest {

    static final String CONTRACT_EXAMPLE = "{\"op\":\"AND\",\"rules\":["
            + "{\"field\":\"totalSpend\",\"operator\":\">\",\"value\":10000},"
            + "{\"op\":\"OR\",\"rules\":["
            + "{\"field\":\"visits\",\"operator\":\"<\",\"value\":3},"
            + "{\"field\":\"inactiveDays\",\"operator\":\">\",\"value\":90}]}]}";

    @Test
    void theContractExampleRoundTripsExactly() {
        SegmentRule.Group rule = RuleJson.parse(CONTRACT_EXAMPLE);
        assertEquals(and(totalSpend(RuleOperator.GT, "10000"),
                or(visits(RuleOperator.LT, 3), inactiveDays(RuleOperator.GT, 90))).toString(), rule.toString());
        assertEquals(CONTRACT_EXAMPLE, RuleJson.write(rule));
        assertEquals("{\"op\":\"AND\",\"rules\":[{\"field\":\"totalSpend\",\"operator\":\">=\",\"value\":2500.5},"
                + "{\"field\":\"lastPurchaseDate\",\"operator\":\"<\",\"value\":\"2026-01-31\"}]}",
                RuleJson.write(RuleJson.parse("{\"op\":\"and\",\"rules\":[{\"field\":\"totalSpend\",\"operator\":\">=\","
                        + "\"value\":2500.50},{\"field\":\"lastPurchaseDate\",\"operator\":\"<\",\"value\":\"2026-01-31\"}]}")));
    }

    @Test
    void theEnglishReadsLikeTheRule() {
        assertEquals("Total spend > ₹10,000 AND (Visits < 3 OR Inactive > 90 days)",
                RuleEnglish.describe(RuleJson.parse(CONTRACT_EXAMPLE)));
    }

    private static String error(String json) {
        return assertThrows(RuleException.class, () -> RuleJson.parse(json)).getMessage();
    }

    @Test
    void badRulesAreRefusedNamingTheBadPart() {
        assertEquals("rules[0].field: unknown field \"spend\" (expected totalSpend, visits, lastPurchaseDate or inactiveDays)",
                error("{\"op\":\"AND\",\"rules\":[{\"field\":\"spend\",\"operator\":\">\",\"value\":1}]}"));
        assertEquals("rules[0].$where: keys starting with $ are not allowed",
                error("{\"op\":\"AND\",\"rules\":[{\"$where\":\"sleep(1000)\"}]}"));
        assertEquals("rules[0].value: must be a number (rupees), not {\"$gt\":\"\"}",
                error("{\"op\":\"AND\",\"rules\":[{\"field\":\"totalSpend\",\"operator\":\">\",\"value\":{\"$gt\":\"\"}}]}"));
        assertEquals("rules[0].operator: unknown operator \"=>\" (expected >, >=, <, <=, = or !=)",
                error("{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\",\"operator\":\"=>\",\"value\":1}]}"));
        assertEquals("rules[0].value: must be a whole number, not 2.5",
                error("{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\",\"operator\":\">\",\"value\":2.5}]}"));
        assertEquals("rules[0].value: \"2026-02-30\" is not a date as YYYY-MM-DD",
                error("{\"op\":\"AND\",\"rules\":[{\"field\":\"lastPurchaseDate\",\"operator\":\">\",\"value\":\"2026-02-30\"}]}"));
        assertEquals("rules: is empty; a group needs at least one rule", error("{\"op\":\"OR\",\"rules\":[]}"));
        assertEquals("op: \"XOR\" is not AND or OR", error("{\"op\":\"XOR\",\"rules\":[]}"));
        assertEquals("the rule: the top level must be a group ({\"op\": \"AND\", \"rules\": [...]}), even for a single condition",
                error("{\"field\":\"visits\",\"operator\":\">\",\"value\":1}"));
        assertEquals("the rule: not valid JSON (Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED"
                .substring(0, 30), error("{\"op\":").substring(0, 30));
        String deep = "{\"field\":\"visits\",\"operator\":\">\",\"value\":1}";
        for (int i = 0; i < 6; i++) {
            deep = "{\"op\":\"AND\",\"rules\":[" + deep + "]}";
        }
        assertEquals("rules[0].rules[0].rules[0].rules[0].rules[0]: groups are nested more than 5 levels deep", error(deep));
    }
}
