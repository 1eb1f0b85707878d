package com.crmplatform.importexport;

import java.util.List;

/**
 * What an import did (or, for a preview, would do).
 *
 * @param cancelled true when the user stopped it; what was counted is what was written
 */
public record ImportResult(int created, int updated, List<Rejection> rejected, boolean cancelled) {

    public ImportResult {
        rejected = List.copyOf(rejected);
    }

    /** A row that was not imported: its line in the file (header = 1) and why. */
    public record Rejection(long line, String reason) {
    }
}
