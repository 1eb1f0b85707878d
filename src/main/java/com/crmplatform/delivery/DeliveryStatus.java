package com.crmplatform.delivery;

/** Where one message of a campaign is: waiting to be sent or for its receipt, or final. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
