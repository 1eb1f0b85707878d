package com.crmplatform.segment;

import com.crmplatform.store.Audit;

/** A named segment kept for reuse. */
public record SavedSegment(String id, String name, SegmentRule.Group rule, Audit audit) {
}
