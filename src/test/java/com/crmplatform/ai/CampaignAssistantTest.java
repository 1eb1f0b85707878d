package com.crmplatform.ai;

import static com.crmplatform.segment.SegmentRule.and;
import static com.crmplatform.segment.SegmentRule.inactiveDays;
import static com.crmplatform.segment.SegmentRule.totalSpend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignStatus;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.Audit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignAssistantTest {

    static final SegmentRule.Group WIN_BACK = and(totalSpend(RuleOperator.GT, "20000"), inactiveDays(RuleOperator.GT, 90));
    final CampaignAssistant offline = new CampaignAssistant(GroqSettings.of(Optional.empty(), Optional.empty(), Optional.empty()));

    private static Campaign campaign(String name, long audience, long sent, long failed) {
        return new Campaign(name.toLowerCase().replace(' ', '-'), name, WIN_BACK,
                com.crmplatform.delivery.Channel.SIMULATED, "", "Hi {name}", CampaignStatus.COMPLETED,
                audience, sent, failed, Audit.created(Instant.parse("2026-11-01T00:00:00Z"), "local:ann"));
    }

    @Test
    void withoutGroqTheSuggestionsFitTheAudienceAndGreetByName() {
        Assisted<List<String>> s = offline.suggestMessages(WIN_BACK, "Diwali 20% off");
        assertEquals(RuleGenerator.Engine.OFFLINE, s.engine());
        assertEquals(Optional.of("no Groq API key is set"), s.groqProblem());
        assertEquals(3, s.value().size());
        assertTrue(s.value().stream().allMatch(m -> m.contains("{firstName}") || m.contains("{name}")));
        assertTrue(s.value().get(0).contains("miss you") && s.value().get(0).contains("20%"), s.value().get(0));
    }

    @Test
    void theSummaryComparesWithEarlierCampaigns() {
        Campaign now = campaign("Diwali win-back", 1000, 950, 50);
        String s = offline.summarize(now, List.of(campaign("Old", 100, 80, 20), now)).value();
        assertTrue(s.startsWith("\"Diwali win-back\" went to 1,000 customers."), s);
        assertTrue(s.contains("950 were delivered and 50 failed, a delivery rate of 95.0%"), s);
        assertTrue(s.contains("better than earlier campaigns (80.0%)"), s);
    }

    @Test
    void tagsComeFromTheRuleAndTheMessage() {
        assertEquals(List.of("win-back", "high value", "discount", "festive"),
                offline.tags(WIN_BACK, "Happy Diwali {firstName}! 20% off").value());
    }

    @Test
    void sendTimeAndLookalikeRulesAskGroqAndCheckTheAnswer() throws Exception {
        List<com.crmplatform.order.OrderRepository.PurchaseMoment> moments = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            java.time.LocalDate d = java.time.LocalDate.of(2026, 1, 2).plusWeeks(i); // Fridays
            moments.add(new com.crmplatform.order.OrderRepository.PurchaseMoment(d, d.atTime(19, i).toInstant(java.time.ZoneOffset.UTC)));
        }
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.then(FakeOpenAiServer.Reply.answer("{\"day\":\"Friday\",\"hour\":18,\"why\":\"They shop on Friday evenings.\"}"))
                    .then(FakeOpenAiServer.Reply.answer("{\"day\":\"Funday\",\"hour\":18,\"why\":\"x\"}"))
                    .then(FakeOpenAiServer.Reply.answer("{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\",\"operator\":\">=\",\"value\":5}]}"))
                    .then(FakeOpenAiServer.Reply.answer("{\"op\":\"AND\",\"rules\":[{\"field\":\"$where\"}]}"));
            CampaignAssistant groq = new CampaignAssistant(new GroqSettings(Optional.of("k"), server.baseUrl(),
                    GroqSettings.DEFAULT_MODEL, Duration.ofSeconds(5), Duration.ofSeconds(5)), d -> { });
            var good = groq.bestSendTime(moments, java.time.ZoneOffset.UTC);
            assertEquals(RuleGenerator.Engine.GROQ, good.engine());
            assertEquals(18, good.value().hour());
            assertTrue(server.requests.get(0).contains("Orders by weekday"));
            var bad = groq.bestSendTime(moments, java.time.ZoneOffset.UTC);
            assertEquals(RuleGenerator.Engine.OFFLINE, bad.engine());
            assertEquals(19, bad.value().hour(), "the counted answer");
            assertEquals(java.time.DayOfWeek.FRIDAY, bad.value().day());

            var lookalikes = new LookalikeFinder.Lookalikes(List.of(), WIN_BACK, 10);
            var worded = groq.lookalikeRule(WIN_BACK, lookalikes);
            assertEquals(RuleGenerator.Engine.GROQ, worded.engine());
            assertEquals("Visits >= 5", com.crmplatform.segment.RuleEnglish.describe(worded.value()));
            var refused = groq.lookalikeRule(WIN_BACK, lookalikes);
            assertEquals(RuleGenerator.Engine.OFFLINE, refused.engine());
            assertTrue(refused.groqProblem().orElseThrow().contains("$"), refused.groqProblem().toString());
            assertEquals(WIN_BACK, refused.value());
        }
    }

    @Test
    void groqAnswersAreCheckedAndABadOneFallsBackSayingWhy() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.then(FakeOpenAiServer.Reply.answer("{\"messages\":[\"Hi {firstName}, 20% off!\",\"{name}, we miss you\","
                    + "\"Come back {firstName}\"]}"))
                    .then(FakeOpenAiServer.Reply.answer("{\"messages\":[\"Hi {nmae}\",\"x\",\"y\"]}"))
                    .then(FakeOpenAiServer.Reply.answer("{\"tags\":[\"Win-Back\",\"VIP\"]}"));
            CampaignAssistant groq = new CampaignAssistant(new GroqSettings(Optional.of("k"), server.baseUrl(),
                    GroqSettings.DEFAULT_MODEL, Duration.ofSeconds(5), Duration.ofSeconds(5)), d -> { });
            Assisted<List<String>> good = groq.suggestMessages(WIN_BACK, "win them back");
            assertEquals(RuleGenerator.Engine.GROQ, good.engine());
            assertEquals("Hi {firstName}, 20% off!", good.value().get(0));
            Assisted<List<String>> bad = groq.suggestMessages(WIN_BACK, "win them back");
            assertEquals(RuleGenerator.Engine.OFFLINE, bad.engine());
            assertTrue(bad.groqProblem().orElseThrow().contains("{nmae}"), bad.groqProblem().toString());
            assertEquals(List.of("win-back", "vip"), groq.tags(WIN_BACK, "x").value());
            assertTrue(server.requests.get(0).contains("json_object"));
        }
    }
}
