package com.crmplatform.campaign;

import com.crmplatform.delivery.Channel;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.Audit;

/**
 * A campaign: its audience rule, its channel, its message template (and subject, for email), and
 * how delivery is going. The audience
 * is frozen at launch; {@code sent} and {@code failed} count the final outcomes so far.
 */
public record Campaign(String id, String name, SegmentRule.Group rule, Channel channel, String subject, String message,
                       CampaignStatus status, long audienceSize, long sent, long failed, Audit audit) {

    public long pending() {
        return Math.max(0, audienceSize - sent - failed);
    }

    public Campaign withStatus(CampaignStatus s) {
        return new Campaign(id, name, rule, channel, subject, message, s, audienceSize, sent, failed, audit);
    }
}
