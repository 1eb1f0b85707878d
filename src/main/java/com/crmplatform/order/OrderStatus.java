package com.crmplatform.order;

public enum OrderStatus {
    ACTIVE, CANCELLED
}
