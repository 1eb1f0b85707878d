package com.crmplatform.campaign;

/** LAUNCHING while the audience is being frozen, RUNNING while messages are pending, then COMPLETED. */
public enum CampaignStatus {
    LAUNCHING, RUNNING, COMPLETED;

    /**
     * The one rule for when a launched campaign is done: every message of its audience has an
     * outcome. The stores apply it in place with {@code SqliteSchema.CAMPAIGN_COMPLETED} and
     * {@code MongoSchema.campaignCompleted()}, which say the same.
     */
    public static CampaignStatus afterDelivery(long sent, long failed, long audienceSize) {
        return sent + failed >= audienceSize ? COMPLETED : RUNNING;
    }
}
