package com.crmplatform.segment;

import com.crmplatform.store.Audit;
import com.crmplatform.store.Limits;

/** A named segment kept for reuse. */
public record SavedSegment(String id, String name, SegmentRule.Group rule, Audit audit) {

    public SavedSegment {
        if (name != null && name.length() > Limits.MAX_SEGMENT_NAME) {
            throw new IllegalArgumentException("The segment name is longer than " + Limits.MAX_SEGMENT_NAME + " characters.");
        }
    }
}
