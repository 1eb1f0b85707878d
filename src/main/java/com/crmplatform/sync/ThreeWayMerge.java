package com.crmplatform.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The conflict policy of ADR 0007, for one record: what this workstation changed since the base
 * (the central version it last saw) is compared field by field with what changed centrally.
 * A field changed on one side only takes that side's value; a field changed on both sides to
 * different values is a conflict that nothing overwrites; the same new value on both sides is
 * agreement. An edit on one side and a deletion on the other is a conflict on the whole record.
 * Values are compared as given (the caller passes each field in one canonical form, e.g. amounts
 * as plain decimal strings); fields the caller leaves out (totals, version) take no part.
 */
public final class ThreeWayMerge {

    /** A field both sides changed to different values. */
    public record FieldConflict(String field, Object mine, Object theirs) {
    }

    /**
     * The outcome: {@code toPush} are my changes to write centrally, {@code toTake} the central
     * changes to write here, {@code conflicts} what the user decides; {@code deleteConflict} when one
     * side deleted the record the other edited.
     */
    public record Result(Map<String, Object> toPush, Map<String, Object> toTake, List<FieldConflict> conflicts,
                         boolean deleteConflict) {

        public boolean clean() {
            return conflicts.isEmpty() && !deleteConflict;
        }
    }

    private ThreeWayMerge() {
    }

    /**
     * @param base   the record as both sides last agreed (never null: a new record has no merge)
     * @param mine   this workstation's record, or null when it was deleted here
     * @param theirs the central record, or null when it was deleted centrally
     */
    public static Result merge(Map<String, ?> base, Map<String, ?> mine, Map<String, ?> theirs) {
        Objects.requireNonNull(base, "base");
        if (mine == null || theirs == null) {
            return deletion(base, mine, theirs);
        }
        Map<String, Object> toPush = new LinkedHashMap<>();
        Map<String, Object> toTake = new LinkedHashMap<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        for (String field : fields(base, mine, theirs)) {
            Object was = base.get(field);
            Object my = mine.get(field);
            Object their = theirs.get(field);
            boolean iChanged = !Objects.equals(was, my);
            boolean theyChanged = !Objects.equals(was, their);
            if (iChanged && theyChanged) {
                if (!Objects.equals(my, their)) {
                    conflicts.add(new FieldConflict(field, my, their));
                }
            } else if (iChanged) {
                toPush.put(field, my);
            } else if (theyChanged) {
                toTake.put(field, their);
            }
        }
        return new Result(toPush, toTake, List.copyOf(conflicts), false);
    }

    /** Deleted on one side (or both): a conflict only when the other side edited the record meanwhile. */
    private static Result deletion(Map<String, ?> base, Map<String, ?> mine, Map<String, ?> theirs) {
        Map<String, ?> survivor = mine != null ? mine : theirs;
        boolean editedMeanwhile = survivor != null && fields(base, survivor, survivor).stream()
                .anyMatch(f -> !Objects.equals(base.get(f), survivor.get(f)));
        return new Result(Map.of(), Map.of(), List.of(), editedMeanwhile);
    }

    private static Set<String> fields(Map<String, ?> base, Map<String, ?> mine, Map<String, ?> theirs) {
        Set<String> all = new LinkedHashSet<>(base.keySet());
        all.addAll(mine.keySet());
        all.addAll(theirs.keySet());
        return all;
    }
}
