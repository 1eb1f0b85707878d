package com.crmplatform.campaign;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.delivery.Channel;
import com.crmplatform.delivery.CommunicationLogRepository;
import com.crmplatform.delivery.DeliveryStatus;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Ids;
import com.crmplatform.store.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Launching campaigns (the audience frozen at that moment) and reading how they went. */
public final class CampaignService {

    private final CampaignRepository campaigns;
    private final CommunicationLogRepository log;
    private final CurrentUser user;
    private final Clock clock;

    public CampaignService(CampaignRepository campaigns, CommunicationLogRepository log, CurrentUser user, Clock clock) {
        this.campaigns = campaigns;
        this.log = log;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Creates the campaign and freezes its audience: one pending message per customer the rule
     * selects now, personalised from the template.
     */
    public Campaign launch(String name, SegmentRule.Group rule, String message) {
        return launch(name, rule, Channel.SIMULATED, "", message);
    }

    /**
     * Creates the campaign for a channel and freezes its audience; an email campaign needs a
     * subject (the same placeholders as the message), which each message keeps personalised.
     */
    public Campaign launch(String name, SegmentRule.Group rule, Channel channel, String subject, String message) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The campaign needs a name.");
        }
        if (name.strip().length() > com.crmplatform.store.Limits.MAX_CAMPAIGN_NAME) {
            throw new IllegalArgumentException("The campaign name is longer than "
                    + com.crmplatform.store.Limits.MAX_CAMPAIGN_NAME + " characters.");
        }
        String template = MessageTemplate.check(message);
        String subjectTemplate = channel == Channel.EMAIL ? MessageTemplate.checkSubject(subject) : "";
        Campaign c = new Campaign(Ids.newId(), name.strip(), rule, channel, subjectTemplate, template,
                CampaignStatus.LAUNCHING, 0, 0, 0,
                Audit.created(clock.instant(), user.id()));
        campaigns.insert(c);
        return campaigns.freezeAudience(c, LocalDate.now(clock));
    }

    /** Finishes launches a crash interrupted; returns how many. */
    public int resumeLaunches() {
        List<Campaign> open = campaigns.unfinishedLaunches();
        open.forEach(c -> campaigns.freezeAudience(c, LocalDate.ofInstant(c.audit().createdAt(), clock.getZone())));
        return open.size();
    }

    public Campaign find(String id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException("Campaign " + id));
    }

    public List<Campaign> history(int limit) {
        return campaigns.newestFirst(limit);
    }

    /** Sends the failed messages of a campaign again, as a new attempt each. */
    public int sendAgainToFailed(String campaignId) {
        return log.resendFailed(campaignId, clock.instant());
    }

    /** A campaign's communication log in id order, optionally of one status and matching a name or email prefix. */
    public com.crmplatform.store.Page<com.crmplatform.delivery.LogEntry> log(String campaignId, DeliveryStatus status,
                                                                            String search, com.crmplatform.store.PageRequest request) {
        return log.page(campaignId, status, search, request);
    }

    public Map<DeliveryStatus, Long> logCounts(String campaignId) {
        return log.countByStatus(campaignId);
    }
}
