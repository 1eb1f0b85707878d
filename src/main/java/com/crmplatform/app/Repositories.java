package com.crmplatform.app;

import com.crmplatform.campaign.CampaignRepository;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.delivery.CommunicationLogRepository;
import com.crmplatform.order.CustomerRemovals;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.segment.AudienceRepository;
import com.crmplatform.segment.SegmentRepository;

/** The repositories of one open database, as a store's assembly made them. */
record Repositories(CustomerRepository customers, OrderRepository orders, CampaignRepository campaigns,
                    CommunicationLogRepository communicationLog, SegmentRepository segments, AudienceRepository audience,
                    CustomerRemovals customerRemovals, com.crmplatform.customer.ConsentRepository consent) {
}
