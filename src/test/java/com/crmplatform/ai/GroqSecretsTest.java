package com.crmplatform.ai;

import com.crmplatform.ai.english.OfflineRuleParser;
import com.crmplatform.ai.english.RuleNotUnderstood;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Groq key goes only where it is safe, and never comes back in a message. */
class GroqSecretsTest {

    static final String KEY = "gsk_secret_value_123";
    FakeOpenAiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static RuleGenerator generator(String baseUrl) {
        return new RuleGenerator(new GroqSettings(Optional.of(KEY), baseUrl, GroqSettings.DEFAULT_MODEL, Duration.ofSeconds(5),
                Duration.ofSeconds(1)), d -> { });
    }

    @Test
    void anErrorBodyThatEchoesTheKeyIsSummarisedNotPrinted() {
        server.then(FakeOpenAiServer.Reply.echoingError(400)).then(FakeOpenAiServer.Reply.echoingError(400));
        RuleGenerator.Answer a = generator(server.baseUrl()).generate("spent over 10k", false);
        assertEquals(RuleGenerator.Engine.OFFLINE, a.engine());
        String why = a.groqProblem().orElseThrow();
        assertFalse(why.contains(KEY), why);
        assertTrue(why.contains("HTTP 400"), why);
        assertEquals("Bearer " + KEY, server.authorizations.get(0), "the fake did see the key, and echoed it");
    }

    @Test
    void anAnswerThatQuotesTheKeyIsNotRepeatedInTheNote() {
        String echo = "{\"op\":\"AND\",\"rules\":[{\"field\":\"Bearer " + KEY + "\",\"operator\":\">\",\"value\":1}]}";
        server.then(FakeOpenAiServer.Reply.answer(echo)).then(FakeOpenAiServer.Reply.answer(echo));
        RuleGenerator.Answer a = generator(server.baseUrl()).generate("spent over 10k", false);
        String why = a.groqProblem().orElseThrow();
        assertFalse(why.contains(KEY), why);
        assertTrue(why.contains("****"), why);
    }

    @Test
    void offlineAnswersOutsideTheRangesAreRefusedNotPrinted() {
        OfflineRuleParser parser = new OfflineRuleParser();
        for (String text : new String[] {"last purchased before 0001-01-01", "visits more than 2147483648",
            "spent over 99999999999999999999 crore", "inactive for 99999999999999999999 days"}) {
            assertThrows(RuleNotUnderstood.class, () -> parser.parse(text), text);
        }
    }

    @Test
    void theKeyIsNeverSentOverPlainHttpToAnotherComputer() {
        RuleGenerator.Answer a = generator("http://groq.example.com/openai/v1").generate("spent over 10k", false);
        assertEquals(RuleGenerator.Engine.OFFLINE, a.engine());
        assertTrue(a.groqProblem().orElseThrow().contains("not https"), a.groqProblem().orElseThrow());
        assertTrue(GroqSettings.of(Optional.of(KEY), Optional.of("https://api.groq.com/openai/v1"), Optional.empty())
                .endpointProblem().isEmpty());
        assertTrue(GroqSettings.of(Optional.of(KEY), Optional.of("http://127.0.0.1:9/v1"), Optional.empty())
                .endpointProblem().isEmpty(), "a local test server or proxy is fine");
        assertTrue(GroqSettings.of(Optional.of(KEY), Optional.of("ftp://x/"), Optional.empty()).endpointProblem().isPresent());
        assertTrue(GroqSettings.of(Optional.of(KEY), Optional.of("http://127.attacker.test:8099/v1"), Optional.empty())
                .endpointProblem().isPresent(), "a name that starts with 127. is not this computer");
        assertTrue(GroqSettings.of(Optional.of(KEY), Optional.of("http://127.0.0.1.nip.io/v1"), Optional.empty())
                .endpointProblem().isPresent());
        assertTrue(server.authorizations.isEmpty());
    }

    @Test
    void aDescriptionIsBoundedAndBracketsCannotOverflowTheStack() {
        OfflineRuleParser parser = new OfflineRuleParser();
        assertThrows(RuleNotUnderstood.class, () -> parser.parse("(".repeat(5_000) + "spent over 10k" + ")".repeat(5_000)));
        String nested = "(".repeat(400) + "spent over 10k" + ")".repeat(400);
        RuleNotUnderstood deep = assertThrows(RuleNotUnderstood.class, () -> parser.parse(nested));
        assertTrue(deep.getMessage().contains("nested"), deep.getMessage());
        RuleNotUnderstood viaGroq = assertThrows(RuleNotUnderstood.class,
                () -> generator(server.baseUrl()).generate("spent over 10k ".repeat(100), false));
        assertTrue(viaGroq.getMessage().contains("a sentence or two"), viaGroq.getMessage());
        assertTrue(server.requests.isEmpty(), "a text that long is not sent anywhere");
        String huge = "spent over 10k and ".repeat(60_000);
        long t = System.nanoTime();
        RuleNotUnderstood big = assertThrows(RuleNotUnderstood.class, () -> parser.parse(huge));
        assertTrue(big.getMessage().contains("a sentence or two"), big.getMessage());
        assertTrue((System.nanoTime() - t) / 1_000_000 < 500, "refused at once");
    }

    @Test
    void tokenizingIsLinearInTheLengthOfTheText() {
        String words = "customers who spent over 5k in 3 months and visited 2 times ".repeat(15); // ~900 characters
        OfflineRuleParser parser = new OfflineRuleParser();
        readQuietly(parser, words); // warm up
        long t = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            readQuietly(parser, words);
        }
        long perCall = (System.nanoTime() - t) / 50 / 1_000;
        assertTrue(perCall < 20_000, "a long description takes " + perCall + " µs");
    }

    private static void readQuietly(OfflineRuleParser parser, String text) {
        try {
            parser.read(text);
        } catch (RuleNotUnderstood e) {
            // refusing is an answer too: only the time counts here
        }
    }
}
