package com.crmplatform.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** Rules whose values or size no store can answer sensibly are refused, with where and why. */
class RuleLimitsTest {

    private static String condition(String field, String op, String value) {
        return "{\"op\":\"AND\",\"rules\":[{\"field\":\"" + field + "\",\"operator\":\"" + op + "\",\"value\":" + value + "}]}";
    }

    @Test
    void datesOutsideNineteenHundredToTwentyOneHundredAreRefused() {
        RuleException e = assertThrows(RuleException.class,
                () -> RuleJson.parse(condition("lastPurchaseDate", ">", "\"+99999-01-01\"")));
        assertTrue(e.getMessage().contains("rules[0].value"), e.getMessage());
        assertThrows(RuleException.class, () -> RuleJson.parse(condition("lastPurchaseDate", ">", "\"0001-01-01\"")));
        RuleJson.parse(condition("lastPurchaseDate", ">", "\"1900-01-01\""));
    }

    @Test
    void numbersBeyondWhatTheStoresKeepAreRefused() {
        RuleException days = assertThrows(RuleException.class,
                () -> RuleJson.parse(condition("inactiveDays", ">", "999999999999999")));
        assertTrue(days.getMessage().contains("days"), days.getMessage());
        assertThrows(RuleException.class, () -> RuleJson.parse(condition("visits", ">", "1e30")));
        assertThrows(RuleException.class, () -> RuleJson.parse(condition("totalSpend", ">", "1e40")));
    }

    @Test
    void aRuleHasAtMostTwoHundredConditions() {
        StringJoiner many = new StringJoiner(",", "{\"op\":\"OR\",\"rules\":[", "]}");
        for (int i = 0; i < 2_000; i++) {
            many.add("{\"field\":\"visits\",\"operator\":\"=\",\"value\":" + i + "}");
        }
        RuleException e = assertThrows(RuleException.class, () -> RuleJson.parse(many.toString()));
        assertTrue(e.getMessage().contains("at most 200"), e.getMessage());
    }

    @Test
    void jsonFollowedByAnythingElseIsRefused() {
        String ok = condition("visits", ">", "2");
        assertEquals(ok, RuleJson.write(RuleJson.parse(ok)));
        RuleException e = assertThrows(RuleException.class, () -> RuleJson.parse(ok + " garbage"));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertThrows(RuleException.class, () -> RuleJson.parse(ok + "{}"));
        RuleException twice = assertThrows(RuleException.class, () -> RuleJson.parse(
                "{\"op\":\"AND\",\"op\":\"OR\",\"rules\":[{\"field\":\"visits\",\"operator\":\">\",\"value\":1}]}"));
        assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());
        RuleException tiny = assertThrows(RuleException.class, () -> RuleJson.parse(condition("totalSpend", ">", "1e-100000000")));
        assertTrue(tiny.getMessage().contains("too many decimal places"), tiny.getMessage());
    }
}
