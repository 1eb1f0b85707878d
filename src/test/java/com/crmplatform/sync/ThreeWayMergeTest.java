package com.crmplatform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ADR 0007's conflict policy: different fields merge, the same field is the user's call, edit vs delete too. */
class ThreeWayMergeTest {

    private final Map<String, Object> base = Map.of("name", "Asha Rao", "phone", "98450 11111", "city", "Pune");

    private static Map<String, Object> with(Map<String, Object> record, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(record);
        copy.put(field, value);
        return copy;
    }

    @Test
    void changesToDifferentFieldsMergeOnTheirOwn() {
        ThreeWayMerge.Result r = ThreeWayMerge.merge(base, with(base, "phone", "98450 22222"), with(base, "city", "Mumbai"));
        assertTrue(r.clean());
        assertEquals(Map.of("phone", "98450 22222"), r.toPush());
        assertEquals(Map.of("city", "Mumbai"), r.toTake());
    }

    @Test
    void theSameFieldChangedOnBothSidesIsAConflictWithBothValues() {
        ThreeWayMerge.Result r = ThreeWayMerge.merge(base, with(base, "city", "Nashik"), with(base, "city", "Mumbai"));
        assertFalse(r.clean());
        assertEquals(List.of(new ThreeWayMerge.FieldConflict("city", "Nashik", "Mumbai")), r.conflicts());
        assertTrue(r.toPush().isEmpty(), "nothing is overwritten while the user decides");
        assertTrue(r.toTake().isEmpty());
    }

    @Test
    void theSameNewValueOnBothSidesIsAgreementNotAConflict() {
        ThreeWayMerge.Result r = ThreeWayMerge.merge(base, with(base, "city", "Mumbai"), with(base, "city", "Mumbai"));
        assertTrue(r.clean());
        assertTrue(r.toPush().isEmpty());
        assertTrue(r.toTake().isEmpty());
    }

    @Test
    void aFieldClearedOnOneSideIsAChangeLikeAnyOther() {
        ThreeWayMerge.Result r = ThreeWayMerge.merge(base, with(base, "phone", null), base);
        assertTrue(r.clean());
        assertTrue(r.toPush().containsKey("phone"));
        assertEquals(null, r.toPush().get("phone"));

        ThreeWayMerge.Result both = ThreeWayMerge.merge(base, with(base, "phone", null), with(base, "phone", "1"));
        assertEquals(1, both.conflicts().size());
    }

    @Test
    void editHereAgainstDeletionThereIsAConflictEitherWayRound() {
        assertTrue(ThreeWayMerge.merge(base, with(base, "city", "Nashik"), null).deleteConflict());
        assertTrue(ThreeWayMerge.merge(base, null, with(base, "city", "Mumbai")).deleteConflict());
    }

    @Test
    void aDeletionOfAnUntouchedRecordIsNoConflict() {
        assertTrue(ThreeWayMerge.merge(base, null, base).clean());
        assertTrue(ThreeWayMerge.merge(base, base, null).clean());
        assertTrue(ThreeWayMerge.merge(base, null, null).clean());
    }
}
