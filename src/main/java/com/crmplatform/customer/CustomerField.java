package com.crmplatform.customer;

/** The fields of a customer that validation can complain about. */
public enum CustomerField {
    NAME, EMAIL, PHONE, CITY, TOTAL_SPEND, VISITS, LAST_PURCHASE_DATE
}
