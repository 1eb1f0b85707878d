package com.crmplatform.delivery;

/**
 * The vendor's word on one message: delivered or not, for the attempt its idempotency key names
 * ({@code <campaignId>:<customerId>#<attempt>}), and for a failure the reason in the vendor's or
 * mail server's words; {@code addressBad} when the server said the address does not exist (a
 * bounce: later campaigns skip it). Receipts may come late, twice, or out of order.
 */
public record Receipt(String idempotencyKey, boolean delivered, String reason, boolean addressBad) {

    public Receipt {
        reason = reason == null ? "" : reason.strip();
    }

    public Receipt(String idempotencyKey, boolean delivered, String reason) {
        this(idempotencyKey, delivered, reason, false);
    }

    public Receipt(String idempotencyKey, boolean delivered) {
        this(idempotencyKey, delivered, "", false);
    }

    public String entryId() {
        return idempotencyKey.substring(0, idempotencyKey.lastIndexOf('#'));
    }

    public int attempt() {
        return Integer.parseInt(idempotencyKey.substring(idempotencyKey.lastIndexOf('#') + 1));
    }

    public String campaignId() {
        return idempotencyKey.substring(0, idempotencyKey.indexOf(':'));
    }
}
