package com.crmplatform.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.store.TestData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and random rule JSON: whatever the input, it is either a rule that writes back to the
 * same rule and that the store can count, or a {@link RuleException} with a one-line reason.
 */
class RuleJsonFuzzTest {

    static final String[] SEEDS = {
        "{\"op\":\"AND\",\"rules\":[{\"field\":\"totalSpend\",\"operator\":\">\",\"value\":10000}]}",
        "{\"op\":\"OR\",\"rules\":[{\"field\":\"visits\",\"operator\":\"<=\",\"value\":3},{\"op\":\"AND\",\"rules\":"
                + "[{\"field\":\"inactiveDays\",\"operator\":\">=\",\"value\":90},{\"field\":\"lastPurchaseDate\","
                + "\"operator\":\"<\",\"value\":\"2026-01-01\"}]}]}",
    };
    static final String[] JUNK = {"{", "}", "[", "]", "\"", ",", ":", "$where", "1e999", "-1", "null", "true",
        "\"+99999-01-01\"", "\"op\"", "\"rules\"", "\"field\"", "9999999999999999999999", " garbage", "\\u0000", "AND", "OR"};

    @TempDir
    Path dir;

    @Test
    void anyInputIsARuleTheStoreCanCountOrARefusal() {
        Random r = new Random(4242);
        LocalDate today = LocalDate.of(2026, 11, 30);
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.customers().insert(TestData.customer("Asha Rao", "asha@example.com", "15000.00", 4, LocalDate.of(2026, 6, 1)));
            int rules = 0;
            for (int round = 0; round < 3_000; round++) {
                String json = SEEDS[r.nextInt(SEEDS.length)];
                int edits = 1 + r.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int at = r.nextInt(json.length());
                    int cut = r.nextInt(3) == 0 ? Math.min(json.length() - at, 1 + r.nextInt(6)) : 0;
                    json = json.substring(0, at) + (r.nextBoolean() ? JUNK[r.nextInt(JUNK.length)] : "") + json.substring(at + cut);
                }
                try {
                    SegmentRule.Group rule = RuleJson.parse(json);
                    rules++;
                    assertEquals(rule, RuleJson.parse(RuleJson.write(rule)), "writes back to itself: " + json);
                    store.audience().countMatching(rule, today);
                    RuleEnglish.describe(rule);
                } catch (RuleException refused) {
                    assertFalse(refused.getMessage().isBlank());
                    assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
                } catch (RuntimeException other) {
                    fail("not a refusal but " + other + " for " + json, other);
                }
            }
            assertFalse(rules == 0, "some inputs stay rules, so counting is exercised");
        }
    }
}
