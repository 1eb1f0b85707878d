package com.crmplatform.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Campaigns, and freezing a campaign's audience into the communication log. */
public interface CampaignRepository {

    /** Stores a campaign in LAUNCHING state. */
    void insert(Campaign campaign);

    /**
     * Writes one PENDING log entry with the personalised message for every customer the rule
     * selects on {@code today}, then records the audience size and sets RUNNING (or COMPLETED for
     * an empty audience). Running it again after a crash adds no customer twice.
     */
    Campaign freezeAudience(Campaign campaign, LocalDate today);

    Optional<Campaign> findById(String id);

    /** Newest first. */
    List<Campaign> newestFirst(int limit);

    /** Campaigns a crash left in LAUNCHING. */
    List<Campaign> unfinishedLaunches();

    /** Makes the counters equal the log again (after a resend, or a crash between log and counter writes). */
    Campaign recount(String campaignId);
}
