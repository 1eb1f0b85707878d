package com.crmplatform.store;

import com.crmplatform.campaign.CampaignRepository;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.delivery.CommunicationLogRepository;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.segment.SegmentRepository;

/** An open database: the repositories over it and what to tell the user about it. */
public interface Store extends AutoCloseable {

    CustomerRepository customers();

    OrderRepository orders();

    CampaignRepository campaigns();

    CommunicationLogRepository communicationLog();

    SegmentRepository segments();

    /** For the status bar: "Local file /home/ann/.local/share/crm-platform/crm.db" or a masked MongoDB URL. */
    String description();

    /** Whether the store answers right now (a cheap round trip). */
    boolean ping();

    @Override
    void close();
}
