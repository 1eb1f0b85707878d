package com.crmplatform.segment;

import com.crmplatform.customer.Customer;
import java.time.LocalDate;
import java.util.List;

/** The customers a segment rule selects, in a store. Both stores pass the same contract tests. */
public interface AudienceRepository {

    /** How many customers a segment rule selects, evaluated on {@code today}. */
    long countMatching(SegmentRule rule, LocalDate today);

    /**
     * How many of the customers a rule selects opted out of marketing: a campaign leaves them out
     * (they are in {@link #countMatching}).
     */
    long countUnsubscribed(SegmentRule rule, LocalDate today);

    /**
     * The customers a rule selects, in id order, after {@code afterId} (null: from the first), at
     * most {@code limit}: a sample, or the audience read batch by batch.
     */
    List<Customer> matching(SegmentRule rule, LocalDate today, String afterId, int limit);

    /** The customers a rule does not select, in id order, after {@code afterId}, at most {@code limit}. */
    List<Customer> notMatching(SegmentRule rule, LocalDate today, String afterId, int limit);
}
