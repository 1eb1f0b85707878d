package com.crmplatform.delivery;

import java.time.Instant;

/**
 * One customer's message of a campaign, personalised at launch (subject and text). Its id is
 * {@code <campaignId>:<customerId>}, so a customer is in a campaign's audience once. Each attempt
 * has its own idempotency key, which the vendor honours: sending the same attempt twice delivers
 * it once. A failed message keeps the reason it failed.
 */
public record LogEntry(String id, String campaignId, String customerId, String customerName, String customerEmail,
                       Channel channel, String subject, String message, DeliveryStatus status, int attempt,
                       Instant updatedAt, String reason) {

    public static String idOf(String campaignId, String customerId) {
        return campaignId + ":" + customerId;
    }

    public String idempotencyKey() {
        return id + "#" + attempt;
    }
}
