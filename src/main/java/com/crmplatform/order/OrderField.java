package com.crmplatform.order;

public enum OrderField {
    CUSTOMER, AMOUNT, ORDER_DATE, ITEMS
}
