package com.crmplatform.campaign;

/** LAUNCHING while the audience is being frozen, RUNNING while messages are pending, then COMPLETED. */
public enum CampaignStatus {
    LAUNCHING, RUNNING, COMPLETED
}
