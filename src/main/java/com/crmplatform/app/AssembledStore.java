package com.crmplatform.app;

import com.crmplatform.campaign.CampaignRepository;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.delivery.CommunicationLogRepository;
import com.crmplatform.order.CustomerRemovals;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.segment.AudienceRepository;
import com.crmplatform.segment.SegmentRepository;

/** A store whose repositories were assembled once, at opening; the subclasses say how and over what. */
abstract class AssembledStore implements Store {

    private final Repositories repositories;

    AssembledStore(Repositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public CustomerRepository customers() {
        return repositories.customers();
    }

    @Override
    public OrderRepository orders() {
        return repositories.orders();
    }

    @Override
    public CampaignRepository campaigns() {
        return repositories.campaigns();
    }

    @Override
    public CommunicationLogRepository communicationLog() {
        return repositories.communicationLog();
    }

    @Override
    public SegmentRepository segments() {
        return repositories.segments();
    }

    @Override
    public AudienceRepository audience() {
        return repositories.audience();
    }

    @Override
    public CustomerRemovals customerRemovals() {
        return repositories.customerRemovals();
    }

    @Override
    public com.crmplatform.customer.ConsentRepository consent() {
        return repositories.consent();
    }
}
