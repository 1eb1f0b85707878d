package com.crmplatform.delivery;

import java.util.List;
import java.util.function.Consumer;

/**
 * The messaging vendor. It accepts messages for delivery and reports each outcome later, on its
 * own thread, as a {@link Receipt}, like a real vendor's callbacks: late, possibly twice, in any
 * order. Each message carries an idempotency key; sending a key again never delivers twice.
 */
public interface VendorGateway extends AutoCloseable {

    /** One message to deliver. */
    record OutboundMessage(String idempotencyKey, String campaignId, String recipientId, String recipientName,
                           String recipientEmail, Channel channel, String subject, String text) {
    }

    /** Hands messages to the vendor; receipts arrive later through {@code receipts}. */
    void send(List<OutboundMessage> messages, Consumer<Receipt> receipts);

    /**
     * How many more messages the vendor can take and answer for within a lease of this length: a
     * worker claims no more than that, so a throttled channel's messages are never claimed only to
     * wait past their lease (and be sent again by another worker).
     */
    default int room(java.time.Duration lease) {
        return Integer.MAX_VALUE;
    }

    @Override
    void close();
}
