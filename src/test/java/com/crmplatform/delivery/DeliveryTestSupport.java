package com.crmplatform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.Store;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.campaign.CampaignStatus;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A launched campaign to deliver, and the checks every delivery must pass. */
final class DeliveryTestSupport {

    private DeliveryTestSupport() {
    }

    static Campaign launch(Store store, CampaignService service, int customers) {
        List<com.crmplatform.customer.Customer> list = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            list.add(TestData.customer("Buyer " + i, "buyer" + i + "@example.com", String.valueOf(100 + i), 1, null));
        }
        store.customers().insertAbsent(list);
        return service.launch("Everyone", SegmentRule.and(SegmentRule.totalSpend(RuleOperator.GT, "0")), "Hi {name}");
    }

    /** Every entry final once, counters equal the log, and the vendor delivered each customer's message once. */
    static void assertDeliveredExactlyOnce(Store store, Campaign launched, VendorLedger ledger) {
        Campaign c = store.campaigns().findById(launched.id()).orElseThrow();
        Map<DeliveryStatus, Long> counts = store.communicationLog().countByStatus(c.id());
        assertEquals(0L, counts.get(DeliveryStatus.PENDING), "nothing left pending");
        assertEquals(launched.audienceSize(), counts.get(DeliveryStatus.SENT) + counts.get(DeliveryStatus.FAILED));
        assertEquals(counts.get(DeliveryStatus.SENT), c.sent(), "the campaign's counters equal the log");
        assertEquals(counts.get(DeliveryStatus.FAILED), c.failed());
        assertEquals(CampaignStatus.COMPLETED, c.status());
        VendorLedger.Stats stats = ledger.stats(c.id());
        assertEquals(launched.audienceSize(), stats.accepted(), "one accepted message per key");
        assertEquals(launched.audienceSize(), stats.distinctRecipients(), "nobody is messaged twice");
        assertTrue(c.failed() > 0 && c.sent() > c.failed(), "about one in ten fails: " + c.sent() + "/" + c.failed());
    }
}
