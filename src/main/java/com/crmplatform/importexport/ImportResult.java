package com.crmplatform.importexport;

import java.util.List;

/**
 * What an import did (or, for a preview, would do). Every data row of the file is in exactly one
 * of created, updated, skipped and rejected.
 *
 * @param skipped   rows already in the store from an earlier import of the same data (orders)
 * @param repeated  rows whose email (or order id) an earlier row of the same file had
 * @param cancelled true when the user stopped it; what was counted is what was written
 * @param optOutsKept rows saying "subscribed" for an address that opted out or bounced: the opt-out is kept
 */
public record ImportResult(int created, int updated, int skipped, List<Rejection> rejected, List<Repeat> repeated,
                           boolean cancelled, List<Change> sample, int optOutsKept) {

    public ImportResult {
        rejected = List.copyOf(rejected);
        repeated = List.copyOf(repeated);
        sample = List.copyOf(sample);
    }

    public ImportResult(int created, int updated, int skipped, List<Rejection> rejected, List<Repeat> repeated,
                        boolean cancelled) {
        this(created, updated, skipped, rejected, repeated, cancelled, List.of(), 0);
    }

    public ImportResult(int created, int updated, List<Rejection> rejected, boolean cancelled) {
        this(created, updated, 0, rejected, List.of(), cancelled);
    }

    /** How many data rows the file had, by this result's count. */
    public long rows() {
        return (long) created + updated + skipped + rejected.size();
    }

    /** A row that was not imported: its line in the file (header = 1) and why. */
    public record Rejection(long line, String reason) {
    }

    /**
     * A preview's example of what a row will do: a new record, or an update with the values that
     * change ("City: Pune → Delhi"); empty {@code changes} on an update means nothing changes.
     */
    public record Change(long line, String key, String name, boolean creates, List<String> changes) {
        public Change {
            changes = List.copyOf(changes);
        }
    }

    /** A row with the same key as an earlier row of the file ({@code firstLine}); how it was treated is in the counts. */
    public record Repeat(long line, long firstLine, String key) {
    }
}
