package com.crmplatform.campaign;

import com.crmplatform.customer.Consent;
import com.crmplatform.customer.ConsentRepository;
import com.crmplatform.customer.Customer;
import com.crmplatform.delivery.Channel;
import com.crmplatform.delivery.DeliveryStatus;
import com.crmplatform.delivery.LogEntry;
import com.crmplatform.segment.AudienceRepository;
import com.crmplatform.segment.RuleJson;
import com.crmplatform.store.NotFoundException;
import com.crmplatform.store.mongo.MongoDocs;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns in MongoDB. The audience is frozen batch by batch in customer id order; log entry ids
 * are {@code <campaignId>:<customerId>}, so a launch resumed after a crash adds nobody twice.
 */
public final class MongoCampaignRepository implements CampaignRepository {

    private static final int BATCH = 5_000;

    private final MongoCollection<Document> campaigns;
    private final MongoCollection<Document> log;
    private final ConsentRepository consent;
    private final AudienceRepository audience;
    private final String where;

    public MongoCampaignRepository(MongoCollection<Document> campaigns, MongoCollection<Document> log,
                                   AudienceRepository audience, ConsentRepository consent, String where) {
        this.campaigns = campaigns;
        this.log = log;
        this.audience = audience;
        this.consent = consent;
        this.where = where;
    }

    @Override
    public void insert(Campaign c) {
        MongoDocs.guard(where, () -> {
            Document d = new Document("_id", MongoDocs.oid(c.id())).append("name", c.name())
                    .append("ruleJson", RuleJson.write(c.rule())).append("channel", c.channel().name())
                    .append("subject", c.subject()).append("message", c.message())
                    .append("status", c.status().name()).append("audienceSize", c.audienceSize())
                    .append("sent", c.sent()).append("failed", c.failed());
            MongoDocs.putAudit(d, c.audit());
            campaigns.insertOne(d);
            return null;
        });
    }

    @Override
    public Campaign freezeAudience(Campaign c, LocalDate today) {
        MongoDocs.guard(where, () -> {
            Date now = new Date();
            String after = null;
            while (true) {
                List<Customer> batch = audience.matching(c.rule(), today, after, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                List<Document> entries = new ArrayList<>();
                // Nobody who opted out is in a campaign's audience.
                Map<String, Consent> said = consent.find(batch.stream()
                        .map(Customer::email).toList());
                for (Customer x : batch) {
                    Consent c0 = said.get(x.emailKey());
                    if (c0 != null && c0.unsubscribed()) {
                        continue;
                    }
                    entries.add(new Document("_id", LogEntry.idOf(c.id(), x.id())).append("campaignId", c.id())
                            .append("customerId", x.id()).append("customerName", x.name())
                            .append("customerEmail", x.email()).append("channel", c.channel().name())
                            .append("subject", MessageTemplate.render(c.subject(), x))
                            .append("message", MessageTemplate.render(c.message(), x))
                            .append("status", DeliveryStatus.PENDING.name()).append("attempt", 1)
                            .append("leaseOwner", "").append("leaseUntil", 0L).append("createdAt", now).append("updatedAt", now));
                }
                try {
                    if (!entries.isEmpty()) {
                        log.insertMany(entries, new InsertManyOptions().ordered(false));
                    }
                } catch (MongoBulkWriteException e) {
                    if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                        throw e;
                    } // already frozen before a crash
                }
                after = batch.get(batch.size() - 1).id();
            }
            return null;
        });
        return recount(c.id());
    }

    @Override
    public Campaign recount(String campaignId) {
        return MongoDocs.guard(where, () -> {
            long total = log.countDocuments(Filters.eq("campaignId", campaignId));
            long sent = log.countDocuments(Filters.and(Filters.eq("campaignId", campaignId), Filters.eq("status", "SENT")));
            long failed = log.countDocuments(Filters.and(Filters.eq("campaignId", campaignId), Filters.eq("status", "FAILED")));
            String status = CampaignStatus.afterDelivery(sent, failed, total).name();
            campaigns.updateOne(Filters.eq("_id", MongoDocs.oid(campaignId)), Updates.combine(Updates.set("audienceSize", total),
                    Updates.set("sent", sent), Updates.set("failed", failed), Updates.set("status", status)));
            return findById(campaignId).orElseThrow(() -> new NotFoundException("This campaign"));
        });
    }

    @Override
    public Optional<Campaign> findById(String id) {
        return MongoDocs.guard(where, () -> Optional.ofNullable(campaigns.find(Filters.eq("_id", MongoDocs.oid(id))).first())
                .map(MongoCampaignRepository::fromDocument));
    }

    @Override
    public List<Campaign> newestFirst(int limit) {
        return MongoDocs.guard(where, () -> campaigns.find().sort(Sorts.descending("createdAt", "_id")).limit(limit)
                .map(MongoCampaignRepository::fromDocument).into(new ArrayList<>()));
    }

    @Override
    public List<Campaign> unfinishedLaunches() {
        return MongoDocs.guard(where, () -> campaigns.find(Filters.eq("status", CampaignStatus.LAUNCHING.name()))
                .map(MongoCampaignRepository::fromDocument).into(new ArrayList<>()));
    }

    static Campaign fromDocument(Document d) {
        return new Campaign(d.getObjectId("_id").toHexString(), d.getString("name"), RuleJson.parse(d.getString("ruleJson")),
                Channel.of(d.getString("channel")), d.get("subject", ""), d.getString("message"), CampaignStatus.valueOf(d.getString("status")),
                ((Number) d.get("audienceSize")).longValue(), ((Number) d.get("sent")).longValue(),
                ((Number) d.get("failed")).longValue(), MongoDocs.audit(d));
    }

    static Instant now() {
        return Instant.now();
    }
}
