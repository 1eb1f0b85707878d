package com.crmplatform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Who made and last changed a record, when, and its version for optimistic concurrency: an
 * update names the version it was based on and is refused if the record moved on since.
 */
public record Audit(Instant createdAt, Instant updatedAt, String createdBy, String updatedBy, long version) {

    public Audit {
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
    }

    public static Audit created(Instant now, String user) {
        return new Audit(now, now, user, user, 1);
    }

    /** The audit after one more change by {@code user}. */
    public Audit touched(Instant now, String user) {
        return new Audit(createdAt, now, createdBy, user, version + 1);
    }
}
