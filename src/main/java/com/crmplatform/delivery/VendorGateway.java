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
    record OutboundMessage(String idempotencyKey, String campaignId, String recipientId, String recipientEmail, String text) {
    }

    /** Hands messages to the vendor; receipts arrive later through {@code receipts}. */
    void send(List<OutboundMessage> messages, Consumer<Receipt> receipts);

    @Override
    void close();
}
