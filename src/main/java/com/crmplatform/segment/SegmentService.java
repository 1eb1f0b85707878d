package com.crmplatform.segment;

import com.crmplatform.customer.Customer;
import java.time.LocalDate;
import java.util.List;

/** Audiences (how many customers a rule selects, and a sample of them) and the named segments. */
public final class SegmentService {

    private final AudienceRepository audience;
    private final SegmentRepository segments;

    public SegmentService(AudienceRepository audience, SegmentRepository segments) {
        this.audience = audience;
        this.segments = segments;
    }

    /** Who a rule selects: how many, and how many of them a campaign leaves out because they unsubscribed. */
    public record Count(long matching, long unsubscribed) {
        /** How many a campaign on this rule would reach. */
        public long reachable() {
            return Math.max(0, matching - unsubscribed);
        }
    }

    public Count count(SegmentRule rule, LocalDate today) {
        long matching = audience.countMatching(rule, today);
        return new Count(matching, matching == 0 ? 0 : audience.countUnsubscribed(rule, today));
    }

    /** The first {@code limit} customers the rule selects, in id order. */
    public List<Customer> sample(SegmentRule rule, LocalDate today, int limit) {
        return audience.matching(rule, today, null, limit);
    }

    /** Saves the segment (replacing one of the same name) and returns all of them, A to Z. */
    public List<SavedSegment> save(SavedSegment segment) {
        segments.save(segment);
        return segments.all();
    }

    public List<SavedSegment> all() {
        return segments.all();
    }
}
