package com.crmplatform.delivery;

import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The communication log: one entry per customer of each launched campaign. */
public interface CommunicationLogRepository {

    /**
     * Leases up to {@code limit} pending entries whose lease is free or expired to {@code worker}
     * until {@code now + lease}; a crashed worker's entries come back when its lease runs out.
     */
    List<LogEntry> claim(String worker, Instant now, Duration lease, int limit);

    /**
     * Extends every lease {@code worker} holds to {@code now + lease}: a worker still waiting for its
     * vendor's answers (a slow or throttled mail server) keeps its messages from being claimed again.
     */
    void renewLeases(String worker, Instant now, Duration lease);

    /**
     * Applies a batch of receipts: bulk writes of the entries still pending for that attempt and
     * one counter update per campaign. A late or repeated receipt changes nothing.
     *
     * @return per campaign, how many entries became SENT and FAILED
     */
    Map<String, Outcomes> applyReceipts(List<Receipt> receipts, Instant now);

    /** Puts a campaign's failed entries back to pending for a new attempt; returns how many. */
    int resendFailed(String campaignId, Instant now);

    Map<DeliveryStatus, Long> countByStatus(String campaignId);

    long countPending();

    /** A campaign's entries in id order, optionally of one status and matching a name or email prefix. */
    Page<LogEntry> page(String campaignId, DeliveryStatus status, String search, PageRequest request);

    /** How many entries of each outcome a batch of receipts made final. */
    record Outcomes(long sent, long failed) {
        public Outcomes plus(Outcomes o) {
            return new Outcomes(sent + o.sent, failed + o.failed);
        }
    }
}
