package com.crmplatform.delivery;

/**
 * The vendor's word on one message: delivered or not, for the attempt its idempotency key names
 * ({@code <campaignId>:<customerId>#<attempt>}). Receipts may come late, twice, or out of order.
 */
public record Receipt(String idempotencyKey, boolean delivered) {

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
