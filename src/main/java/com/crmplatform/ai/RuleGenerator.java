package com.crmplatform.ai;

import com.crmplatform.ai.english.OfflineRuleParser;
import com.crmplatform.ai.english.RuleNotUnderstood;
import com.crmplatform.segment.RuleException;
import com.crmplatform.segment.RuleJson;
import com.crmplatform.segment.SegmentRule;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * English to segment rules: Groq when a key is set and it answers with a valid rule (one repair
 * attempt quoting the validation error), else the offline parser, and the answer always says which
 * engine answered and, when it was not Groq, why.
 */
public final class RuleGenerator {

    /** Which engine answered. */
    public enum Engine { GROQ, OFFLINE }

    /**
     * @param groqProblem why Groq was not used (empty when Groq answered or none is configured)
     * @param notes       what the user should check: readings the offline parser chose, words it left out
     */
    public record Answer(SegmentRule.Group rule, Engine engine, Optional<String> groqProblem, List<String> notes) {
        public Answer {
            notes = List.copyOf(notes);
        }
    }

    static final String PROMPT = load();

    private volatile Optional<GroqRuleClient> groq;
    private final GroqRuleClient.Sleeper sleeper;
    private final OfflineRuleParser offline = new OfflineRuleParser();

    public RuleGenerator(GroqSettings settings) {
        this(settings, d -> Thread.sleep(d.toMillis()));
    }

    RuleGenerator(GroqSettings settings, GroqRuleClient.Sleeper sleeper) {
        this.sleeper = sleeper;
        configure(settings);
    }

    /** Uses new Groq settings from now on (saved from the Settings dialog). */
    public void configure(GroqSettings settings) {
        this.groq = settings.apiKey().isPresent() ? Optional.of(new GroqRuleClient(settings, sleeper)) : Optional.empty();
    }

    public boolean groqConfigured() {
        return groq.isPresent();
    }

    /**
     * @param offlineOnly skip Groq (the user asked for it, or there is no network)
     * @throws RuleNotUnderstood when neither engine could read the description
     */
    public Answer generate(String text, boolean offlineOnly) {
        if (text != null && text.length() > com.crmplatform.store.Limits.MAX_DESCRIPTION) {
            offline.parse(text); // refuses it (too long), before any request
        }
        Optional<String> problem = Optional.empty();
        Optional<GroqRuleClient> client = groq;
        if (!offlineOnly && client.isPresent()) {
            try {
                return new Answer(askGroq(client.get(), text), Engine.GROQ, Optional.empty(), List.of());
            } catch (GroqRuleClient.GroqUnavailable | RuleException e) {
                problem = Optional.of(client.get().withoutKey(e.getMessage())); // an answer may quote the request
            }
        } else if (!offlineOnly) { // no key
            problem = Optional.of("no Groq API key is set");
        }
        try {
            var reading = offline.read(text);
            return new Answer(reading.rule(), Engine.OFFLINE, problem, reading.notes());
        } catch (RuleNotUnderstood e) {
            String why = problem.map(p -> " (Groq was not used: " + p + ")").orElse("");
            throw new RuleNotUnderstood(e.getMessage() + why, e.unplaced());
        }
    }

    private static SegmentRule.Group askGroq(GroqRuleClient client, String text) {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(PROMPT), UserMessage.from(text)));
        String first = client.ask(messages);
        try {
            return RuleJson.parse(first);
        } catch (RuleException invalid) {
            messages.add(AiMessage.from(first));
            messages.add(UserMessage.from("That answer is not a valid rule: " + invalid.getMessage()
                    + ". Answer again with the corrected JSON object only."));
            try {
                return RuleJson.parse(client.ask(messages));
            } catch (RuleException stillInvalid) {
                throw new RuleException("", "Groq's answer was not a valid rule twice (" + stillInvalid.getMessage() + ")");
            }
        }
    }

    private static String load() {
        try (InputStream in = RuleGenerator.class.getResourceAsStream("/com/crmplatform/ai/rule-prompt.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
