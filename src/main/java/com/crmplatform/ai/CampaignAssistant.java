package com.crmplatform.ai;

import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.MessageTemplate;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.segment.RuleField;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Help around a campaign: message suggestions, a summary of how it went, and tags. Each asks Groq
 * when it is configured and checks the answer; otherwise, or when Groq fails or answers badly, a
 * deterministic method answers, and the result says which did.
 */
public final class CampaignAssistant {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile Optional<GroqRuleClient> groq;
    private final GroqRuleClient.Sleeper sleeper;

    public CampaignAssistant(GroqSettings settings) {
        this(settings, d -> Thread.sleep(d.toMillis()));
    }

    CampaignAssistant(GroqSettings settings, GroqRuleClient.Sleeper sleeper) {
        this.sleeper = sleeper;
        configure(settings);
    }

    /** Uses new Groq settings from now on. */
    public void configure(GroqSettings settings) {
        this.groq = settings.apiKey().isPresent() ? Optional.of(new GroqRuleClient(settings, sleeper)) : Optional.empty();
    }

    /** Three message variants using {name} or {firstName}, for this audience and goal. */
    public Assisted<List<String>> suggestMessages(SegmentRule.Group rule, String goal) {
        String ask = "Audience: " + RuleEnglish.describe(rule) + "\nGoal: " + (goal == null || goal.isBlank() ? "a general offer" : goal);
        return withGroq("You write short, friendly SMS/WhatsApp campaign messages for an Indian retail business. "
                        + "Answer with JSON {\"messages\": [three strings]}. Each message is under 160 characters and uses the "
                        + "placeholder {firstName} or {name} for the customer; the only other placeholders allowed are {city} "
                        + "and {email}. Amounts are in rupees (₹).", ask,
                node -> {
                    List<String> out = new ArrayList<>();
                    for (JsonNode m : node.path("messages")) {
                        String text = MessageTemplate.check(m.asText());
                        if (!text.contains("{name}") && !text.contains("{firstName}")) {
                            throw new IllegalArgumentException("a suggestion does not greet the customer by name");
                        }
                        out.add(text);
                    }
                    if (out.size() != 3) {
                        throw new IllegalArgumentException("expected 3 messages, got " + out.size());
                    }
                    return out;
                }, () -> templates(rule, goal));
    }

    /** A few sentences on a campaign: audience, delivery rate, failures, and how it compares with earlier ones. */
    public Assisted<String> summarize(Campaign c, List<Campaign> earlier) {
        String facts = facts(c, earlier);
        return withGroq("You summarise a marketing campaign's delivery for a sales team in 2 to 4 plain sentences. "
                        + "Use only the facts given. Answer with JSON {\"summary\": \"...\"}.", facts,
                node -> {
                    String s = node.path("summary").asText("").strip();
                    if (s.isEmpty() || s.length() > 900) {
                        throw new IllegalArgumentException("the summary is empty or too long");
                    }
                    return s;
                }, () -> deterministicSummary(c, earlier));
    }

    /** Up to five short tags for a campaign, e.g. "win-back", "high value", "discount". */
    public Assisted<List<String>> tags(SegmentRule.Group rule, String message) {
        return withGroq("You tag marketing campaigns. Answer with JSON {\"tags\": [1 to 5 short lowercase tags]}, "
                        + "e.g. win-back, high value, loyal, new customers, discount, festive, re-engagement.",
                "Audience: " + RuleEnglish.describe(rule) + "\nMessage: " + message,
                node -> {
                    List<String> out = new ArrayList<>();
                    for (JsonNode t : node.path("tags")) {
                        String tag = t.asText("").strip().toLowerCase(Locale.ROOT);
                        if (!tag.isEmpty() && tag.length() <= 30 && !out.contains(tag)) {
                            out.add(tag);
                        }
                    }
                    if (out.isEmpty() || out.size() > 5) {
                        throw new IllegalArgumentException("expected 1 to 5 tags");
                    }
                    return out;
                }, () -> deterministicTags(rule, message));
    }

    /**
     * The best day and hour to send: Groq reads the audience's order counts by weekday and hour
     * when it is configured; otherwise the busiest weekday and hour are taken.
     */
    public Assisted<SendTimeAdvisor.Advice> bestSendTime(List<com.crmplatform.order.OrderRepository.PurchaseMoment> moments,
                                                        java.time.ZoneId zone) {
        SendTimeAdvisor.Advice counted = SendTimeAdvisor.advise(moments, zone);
        if (moments.isEmpty()) {
            return new Assisted<>(counted, RuleGenerator.Engine.OFFLINE, Optional.of("no orders to read"));
        }
        int[] byDay = new int[7];
        int[] byHour = new int[24];
        for (var m : moments) {
            byDay[m.date().getDayOfWeek().getValue() - 1]++;
            byHour[m.enteredAt().atZone(zone).getHour()]++;
        }
        String facts = "Orders by weekday (Monday..Sunday): " + java.util.Arrays.toString(byDay)
                + "\nOrders by hour they were entered (0..23): " + java.util.Arrays.toString(byHour)
                + (counted.hourFromOrders() ? "" : "\nThe entry hours are not reliable (orders were imported in bulk).");
        return withGroq("You choose when to send a retail marketing message so customers read it when they usually shop. "
                        + "Answer with JSON {\"day\": \"Monday\"..\"Sunday\", \"hour\": 0-23, \"why\": \"one sentence\"}.", facts,
                node -> {
                    java.time.DayOfWeek day = java.time.DayOfWeek.valueOf(node.path("day").asText("").strip().toUpperCase(Locale.ROOT));
                    int hour = node.path("hour").asInt(-1);
                    String why = node.path("why").asText("").strip();
                    if (hour < 0 || hour > 23 || why.isEmpty()) {
                        throw new IllegalArgumentException("the answer needs a day, an hour from 0 to 23 and a reason");
                    }
                    return new SendTimeAdvisor.Advice(day, hour, moments.size(), counted.hourFromOrders(), why);
                }, () -> counted);
    }

    /**
     * Words a rule for the customers most like a segment: Groq writes one from their figures when it
     * is configured (validated against the contract); otherwise the ranges they share.
     */
    public Assisted<SegmentRule.Group> lookalikeRule(SegmentRule.Group segment, LookalikeFinder.Lookalikes found) {
        String facts = "Existing segment: " + RuleEnglish.describe(segment) + "\nLookalike customers (not in it): "
                + found.customers().size() + "; the ranges they share: " + RuleEnglish.describe(found.rule());
        return withGroq(RuleGenerator.PROMPT + "\nWrite the rule for a new segment of customers like the lookalikes "
                        + "described below (it may overlap the existing segment).", facts,
                node -> com.crmplatform.segment.RuleJson.parse(node.toString()), found::rule);
    }

    private <T> Assisted<T> withGroq(String system, String user, Function<JsonNode, T> check, Supplier<T> fallback) {
        Optional<GroqRuleClient> groq = this.groq;
        if (groq.isEmpty()) {
            return new Assisted<>(fallback.get(), RuleGenerator.Engine.OFFLINE, Optional.of("no Groq API key is set"));
        }
        try {
            String answer = groq.get().ask(List.of(SystemMessage.from(system), UserMessage.from(user)));
            return new Assisted<>(check.apply(JSON.readTree(answer)), RuleGenerator.Engine.GROQ, Optional.empty());
        } catch (GroqRuleClient.GroqUnavailable e) {
            return new Assisted<>(fallback.get(), RuleGenerator.Engine.OFFLINE, Optional.of(e.getMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Assisted<>(fallback.get(), RuleGenerator.Engine.OFFLINE,
                    Optional.of("Groq's answer was not usable (" + e.getMessage() + ")"));
        }
    }

    /** What the rule is about, for templates and tags. */
    private record Profile(boolean lapsed, boolean highValue, boolean fewVisits, boolean loyal, boolean recent) {
        static Profile of(SegmentRule rule) {
            boolean[] f = new boolean[5];
            visit(rule, f);
            return new Profile(f[0], f[1], f[2], f[3], f[4]);
        }

        private static void visit(SegmentRule rule, boolean[] f) {
            if (rule instanceof SegmentRule.Group g) {
                g.rules().forEach(r -> visit(r, f));
                return;
            }
            SegmentRule.Condition c = (SegmentRule.Condition) rule;
            boolean up = c.operator() == RuleOperator.GT || c.operator() == RuleOperator.GTE;
            boolean down = c.operator() == RuleOperator.LT || c.operator() == RuleOperator.LTE;
            if (c.field() == RuleField.INACTIVE_DAYS) {
                f[0] |= up && c.integer() >= 30;
                f[4] |= down;
            } else if (c.field() == RuleField.LAST_PURCHASE_DATE) {
                f[0] |= down;
            } else if (c.field() == RuleField.TOTAL_SPEND) {
                f[1] |= up && c.number().compareTo(BigDecimal.valueOf(10_000)) >= 0;
            } else if (c.field() == RuleField.VISITS) {
                f[2] |= down && c.integer() <= 3;
                f[3] |= up && c.integer() >= 5;
            }
        }
    }

    static List<String> templates(SegmentRule.Group rule, String goal) {
        Profile p = Profile.of(rule);
        String offer = goal != null && goal.matches("(?i).*\\d+\\s*%.*") ? goal.replaceAll("(?i).*?(\\d+\\s*%).*", "$1").replace(" ", "")
                : p.highValue() ? "15%" : "10%";
        if (p.lapsed()) {
            return List.of("Hi {firstName}, we miss you! Here's " + offer + " off your next order — come back this week.",
                    "{firstName}, it's been a while. Your " + offer + " welcome-back discount is waiting in {city}.",
                    "Hello {name}, we've added new arrivals since your last visit. Enjoy " + offer + " off on us!");
        }
        if (p.highValue() || p.loyal()) {
            return List.of("Hi {firstName}, thank you for being one of our best customers. Enjoy " + offer + " off, just for you.",
                    "{firstName}, as a valued customer you get early access to our new collection plus " + offer + " off.",
                    "Dear {name}, a small thank-you: " + offer + " off your next purchase at our {city} store.");
        }
        if (p.fewVisits()) {
            return List.of("Hi {firstName}, glad you found us! Here's " + offer + " off on your next visit.",
                    "{firstName}, come see what's new this week — your next order is " + offer + " off.",
                    "Hello {name}, we'd love to see you again. Show this message for " + offer + " off.");
        }
        return List.of("Hi {firstName}, here's " + offer + " off on your next order!",
                "{firstName}, this week only: " + offer + " off everything at our {city} store.",
                "Hello {name}, treat yourself — enjoy " + offer + " off your next purchase.");
    }

    static List<String> deterministicTags(SegmentRule.Group rule, String message) {
        Profile p = Profile.of(rule);
        Set<String> tags = new LinkedHashSet<>();
        if (p.lapsed()) {
            tags.add("win-back");
        }
        if (p.highValue()) {
            tags.add("high value");
        }
        if (p.loyal()) {
            tags.add("loyal");
        }
        if (p.fewVisits()) {
            tags.add("re-engagement");
        }
        if (p.recent()) {
            tags.add("recent buyers");
        }
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("%") || m.contains(" off") || m.contains("discount") || m.contains("sale")) {
            tags.add("discount");
        }
        if (m.matches(".*\\b(diwali|holi|eid|christmas|festive|festival|pongal|onam|navratri)\\b.*")) {
            tags.add("festive");
        }
        if (tags.isEmpty()) {
            tags.add("general");
        }
        return new ArrayList<>(tags).subList(0, Math.min(5, tags.size()));
    }

    private static String facts(Campaign c, List<Campaign> earlier) {
        StringBuilder b = new StringBuilder();
        b.append("Campaign: ").append(c.name()).append("\nAudience: ").append(RuleEnglish.describe(c.rule()))
                .append(" (").append(c.audienceSize()).append(" customers)\nSent: ").append(c.sent()).append("\nFailed: ")
                .append(c.failed()).append("\nPending: ").append(c.pending());
        rate(earlier).ifPresent(r -> b.append("\nAverage delivery rate of the ").append(finished(earlier).size())
                .append(" earlier campaigns: ").append(percent(r)));
        return b.toString();
    }

    static String deterministicSummary(Campaign c, List<Campaign> earlier) {
        StringBuilder s = new StringBuilder();
        // The audience's rule is on the campaign's page already, above the summary: not said twice.
        s.append(String.format(Locale.ENGLISH, "\"%s\" went to %,d customers. ", c.name(), c.audienceSize()));
        long done = c.sent() + c.failed();
        if (done == 0) {
            s.append("Nothing has been delivered yet.");
            return s.toString();
        }
        double rate = (double) c.sent() / done;
        s.append(String.format(Locale.ENGLISH, "%,d were delivered and %,d failed, a delivery rate of %s", c.sent(), c.failed(),
                percent(rate)));
        s.append(c.pending() > 0 ? String.format(Locale.ENGLISH, "; %,d are still pending. ", c.pending()) : ". ");
        Optional<Double> before = rate(earlier.stream().filter(e -> !e.id().equals(c.id())).toList());
        before.ifPresent(b -> s.append(Math.abs(rate - b) < 0.01 ? "That is in line with earlier campaigns (" + percent(b) + ")."
                : rate > b ? "That is better than earlier campaigns (" + percent(b) + ")."
                : "That is below earlier campaigns (" + percent(b) + ")."));
        if (c.failed() > 0) {
            s.append(before.isPresent() ? " " : "").append("Send again to failed (on this page) tries them once more.");
        }
        return s.toString().strip();
    }

    private static List<Campaign> finished(List<Campaign> list) {
        return list.stream().filter(e -> e.sent() + e.failed() > 0).toList();
    }

    private static Optional<Double> rate(List<Campaign> list) {
        long sent = 0;
        long all = 0;
        for (Campaign e : finished(list)) {
            sent += e.sent();
            all += e.sent() + e.failed();
        }
        return all == 0 ? Optional.empty() : Optional.of((double) sent / all);
    }

    private static String percent(double r) {
        return String.format(Locale.ENGLISH, "%.1f%%", r * 100);
    }
}
