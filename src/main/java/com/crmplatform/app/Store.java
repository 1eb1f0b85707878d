package com.crmplatform.app;

import com.crmplatform.campaign.CampaignRepository;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.delivery.CommunicationLogRepository;
import com.crmplatform.order.CustomerRemovals;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.segment.AudienceRepository;
import com.crmplatform.segment.SegmentRepository;
import com.crmplatform.store.StoreStatus;

/** An open database: the repositories over it and what to tell the user about it. */
public interface Store extends StoreStatus, AutoCloseable {

    CustomerRepository customers();

    /** Deleting a customer with their orders, and undoing it. */
    CustomerRemovals customerRemovals();

    /** The customers a segment rule selects. */
    AudienceRepository audience();

    OrderRepository orders();

    CampaignRepository campaigns();

    CommunicationLogRepository communicationLog();

    SegmentRepository segments();

    /** Marketing consent by email address (in team mode: this workstation's copy, synced). */
    com.crmplatform.customer.ConsentRepository consent();

    @Override
    void close();
}
