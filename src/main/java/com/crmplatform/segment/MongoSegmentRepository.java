package com.crmplatform.segment;

import com.crmplatform.store.mongo.MongoDocs;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;

/** Named segments in MongoDB. */
public final class MongoSegmentRepository implements SegmentRepository {

    private final MongoCollection<Document> segments;
    private final String where;

    public MongoSegmentRepository(MongoCollection<Document> segments, String where) {
        this.segments = segments;
        this.where = where;
    }

    @Override
    public SavedSegment save(SavedSegment s) {
        return MongoDocs.guard(where, () -> {
            String key = s.name().toLowerCase(Locale.ROOT);
            Document existing = segments.find(Filters.eq("nameLc", key)).first();
            if (existing == null) {
                Document d = new Document("_id", MongoDocs.oid(s.id())).append("name", s.name()).append("nameLc", key)
                        .append("ruleJson", RuleJson.write(s.rule()));
                MongoDocs.putAudit(d, s.audit());
                segments.insertOne(d);
            } else {
                segments.updateOne(Filters.eq("_id", existing.get("_id")), Updates.combine(Updates.set("name", s.name()),
                        Updates.set("ruleJson", RuleJson.write(s.rule())), Updates.set("updatedAt", Date.from(s.audit().updatedAt())),
                        Updates.set("updatedBy", s.audit().updatedBy()), Updates.inc("version", 1L)));
            }
            return fromDocument(segments.find(Filters.eq("nameLc", key)).first());
        });
    }

    @Override
    public List<SavedSegment> all() {
        return MongoDocs.guard(where, () -> segments.find().sort(Sorts.ascending("nameLc"))
                .map(MongoSegmentRepository::fromDocument).into(new ArrayList<>()));
    }

    @Override
    public void delete(String id) {
        MongoDocs.guard(where, () -> segments.deleteOne(Filters.eq("_id", MongoDocs.oid(id))));
    }

    private static SavedSegment fromDocument(Document d) {
        return new SavedSegment(d.getObjectId("_id").toHexString(), d.getString("name"), RuleJson.parse(d.getString("ruleJson")),
                MongoDocs.audit(d));
    }
}
