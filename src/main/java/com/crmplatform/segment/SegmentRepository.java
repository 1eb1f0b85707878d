package com.crmplatform.segment;

import java.util.List;

/** Named segments. Saving under an existing name (any case) replaces that segment's rule. */
public interface SegmentRepository {

    SavedSegment save(SavedSegment segment);

    /** By name, A to Z. */
    List<SavedSegment> all();

    void delete(String id);
}
