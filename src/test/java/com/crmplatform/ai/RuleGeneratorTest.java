package com.crmplatform.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.segment.RuleEnglish;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RuleGenerator against a local fake of Groq's OpenAI-compatible endpoint: no test needs the internet. */
class RuleGeneratorTest {

    static final String VALID = "{\"op\":\"AND\",\"rules\":[{\"field\":\"totalSpend\",\"operator\":\">\",\"value\":10000},"
            + "{\"field\":\"inactiveDays\",\"operator\":\">\",\"value\":90}]}";
    static final String QUESTION = "spent over 10k and inactive for 90 days";

    FakeOpenAiServer server;
    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RuleGenerator generator(String baseUrl, Duration timeout) {
        return new RuleGenerator(new GroqSettings(Optional.of("gsk_test_key"), baseUrl, GroqSettings.DEFAULT_MODEL, timeout,
                Duration.ofSeconds(10)), waits::add);
    }

    private RuleGenerator generator() {
        return generator(server.baseUrl(), Duration.ofSeconds(5));
    }

    @Test
    void sendsTheModelJsonModeAndTheContractAndUsesAValidAnswer() throws Exception {
        server.then(FakeOpenAiServer.Reply.answer(VALID));
        RuleGenerator.Answer a = generator().generate(QUESTION, false);
        assertEquals(RuleGenerator.Engine.GROQ, a.engine());
        assertEquals("Total spend > ₹10,000 AND Inactive > 90 days", RuleEnglish.describe(a.rule()));
        JsonNode request = new ObjectMapper().readTree(server.requests.get(0));
        assertEquals("llama-3.3-70b-versatile", request.get("model").asText());
        assertEquals("json_object", request.get("response_format").get("type").asText());
        assertTrue(request.get("messages").get(0).get("content").asText().contains("\"inactiveDays\""), "the contract is in the prompt");
        assertEquals(QUESTION, request.get("messages").get(1).get("content").asText());
        assertEquals("Bearer gsk_test_key", server.authorizations.get(0));
    }

    @Test
    void anInvalidAnswerGetsOneRepairAttemptQuotingTheError() throws Exception {
        server.then(FakeOpenAiServer.Reply.answer("{\"op\":\"AND\",\"rules\":[{\"field\":\"spend\",\"operator\":\">\",\"value\":1}]}"))
                .then(FakeOpenAiServer.Reply.answer(VALID));
        RuleGenerator.Answer a = generator().generate(QUESTION, false);
        assertEquals(RuleGenerator.Engine.GROQ, a.engine());
        JsonNode repair = new ObjectMapper().readTree(server.requests.get(1)).get("messages");
        assertTrue(repair.get(repair.size() - 1).get("content").asText().contains("unknown field \"spend\""));
    }

    @Test
    void anAnswerStillInvalidAfterTheRepairFallsBackToTheOfflineParserAndSaysWhy() {
        server.then(FakeOpenAiServer.Reply.answer("not json at all")).then(FakeOpenAiServer.Reply.answer("{\"rules\":[]}"));
        RuleGenerator.Answer a = generator().generate(QUESTION, false);
        assertEquals(RuleGenerator.Engine.OFFLINE, a.engine());
        assertTrue(a.groqProblem().orElseThrow().contains("not a valid rule twice"), a.groqProblem().toString());
        assertEquals("Total spend > ₹10,000 AND Inactive > 90 days", RuleEnglish.describe(a.rule()));
        assertEquals(2, server.requests.size());
    }

    @Test
    void aRejectedKeyIsSaidInWords() {
        server.then(FakeOpenAiServer.Reply.error(401, Map.of()));
        RuleGenerator.Answer a = generator().generate(QUESTION, false);
        assertEquals(RuleGenerator.Engine.OFFLINE, a.engine());
        assertTrue(a.groqProblem().orElseThrow().startsWith("Groq rejected the API key"));
        assertEquals(1, server.requests.size(), "no retry of a bad key");
    }

    @Test
    void aRateLimitIsRetriedAfterTheTimeGroqAsksFor() {
        server.then(FakeOpenAiServer.Reply.error(429, Map.of("Retry-After", "2"))).then(FakeOpenAiServer.Reply.answer(VALID));
        RuleGenerator.Answer a = generator().generate(QUESTION, false);
        assertEquals(RuleGenerator.Engine.GROQ, a.engine());
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void aRateLimitLongerThanTheBoundFallsBackAtOnce() {
        server.then(FakeOpenAiServer.Reply.error(429, Map.of("Retry-After", "60")));
        RuleGenerator.Answer a = generator().generate(QUESTION, false);
        assertEquals(RuleGenerator.Engine.OFFLINE, a.engine());
        assertTrue(a.groqProblem().orElseThrow().contains("rate-limiting"));
        assertTrue(waits.isEmpty());
    }

    @Test
    void aBodyThatStallsAfterTheHeadersIsCutOffAtTheDeadline() {
        server.then(FakeOpenAiServer.Reply.stall(10_000));
        long t = System.nanoTime();
        RuleGenerator.Answer a = generator(server.baseUrl(), Duration.ofMillis(800)).generate(QUESTION, false);
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertEquals(RuleGenerator.Engine.OFFLINE, a.engine());
        assertTrue(a.groqProblem().orElseThrow().contains("did not answer within"), a.groqProblem().toString());
        assertTrue(ms < 5_000, "gave up after " + ms + " ms");
    }

    @Test
    void aRefusedConnectionFallsBackAtOnce() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        long t = System.nanoTime();
        RuleGenerator.Answer a = generator("http://127.0.0.1:" + closedPort + "/openai/v1", Duration.ofSeconds(5))
                .generate(QUESTION, false);
        assertEquals(RuleGenerator.Engine.OFFLINE, a.engine());
        assertTrue(a.groqProblem().orElseThrow().contains("could not be reached"), a.groqProblem().toString());
        assertTrue((System.nanoTime() - t) / 1_000_000 < 3_000);
    }

    @Test
    void withoutAKeyTheOfflineParserAnswersAndSaysSo() {
        RuleGenerator g = new RuleGenerator(GroqSettings.of(Optional.empty(), Optional.empty(), Optional.empty()));
        RuleGenerator.Answer a = g.generate(QUESTION, false);
        assertEquals(RuleGenerator.Engine.OFFLINE, a.engine());
        assertEquals(Optional.of("no Groq API key is set"), a.groqProblem());
        assertEquals(Optional.empty(), g.generate(QUESTION, true).groqProblem());
    }
}
