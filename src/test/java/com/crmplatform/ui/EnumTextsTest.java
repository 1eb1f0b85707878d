package com.crmplatform.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.crmplatform.campaign.CampaignStatus;
import com.crmplatform.delivery.DeliveryStatus;
import com.crmplatform.segment.RuleField;
import com.crmplatform.segment.RuleOperator;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every value the window names through a key built at run time has its text. */
class EnumTextsTest {

    @Test
    void everyFieldOperatorAndStatusHasItsText() {
        Messages m = Messages.load(Locale.ENGLISH);
        for (RuleField f : RuleField.values()) {
            assertFalse(m.get("rule.field." + f.json()).startsWith("!"), f.json());
            assertFalse(m.get("rule.prompt." + f.json()).startsWith("!"), f.json());
        }
        for (RuleOperator o : RuleOperator.values()) {
            assertFalse(m.get("rule.operator." + o.name()).startsWith("!"), o.name());
        }
        for (CampaignStatus s : CampaignStatus.values()) {
            assertFalse(m.get("campaign.status." + s.name()).startsWith("!"), s.name());
        }
        for (DeliveryStatus s : DeliveryStatus.values()) {
            assertFalse(m.get("delivery.status." + s.name()).startsWith("!"), s.name());
        }
    }
}
