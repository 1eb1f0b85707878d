package com.crmplatform.sync;

/**
 * An open conflict: a field changed here and centrally to different values since the base (or a
 * record edited on one side and deleted on the other, field {@link Replica#RECORD}), kept until a
 * person chooses. {@code record} is what a person knows the customer by (the email).
 */
public record Conflict(long id, String recordId, String record, String field, String mine, String theirs,
                       long theirVersion) {
}
