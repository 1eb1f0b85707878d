package com.crmplatform.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible chat completions endpoint on 127.0.0.1, answering from a script: each
 * request takes the next scripted reply (a model answer, an HTTP error with headers, or a body
 * that stalls after the headers), and every request body is kept for the test to inspect.
 */
final class FakeOpenAiServer implements AutoCloseable {

    /** One scripted reply. */
    record Reply(int status, Map<String, String> headers, String content, long stallMillis) {
        static Reply answer(String modelContent) {
            return new Reply(200, Map.of(), modelContent, 0);
        }

        static Reply error(int status, Map<String, String> headers) {
            return new Reply(status, headers, null, 0);
        }

        /** An error whose body echoes the request's Authorization header, as some proxies do. */
        static Reply echoingError(int status) {
            return new Reply(status, Map.of(), ECHO, 0);
        }

        static Reply stall(long millis) {
            return new Reply(200, Map.of(), "{\"op\":\"AND\",\"rules\":[]}", millis);
        }
    }

    static final String ECHO = "__echo__";

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/openai/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/openai/v1";
    }

    FakeOpenAiServer then(Reply r) {
        script.add(r);
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
        Reply r = script.poll();
        if (r == null) {
            r = Reply.error(500, Map.of());
        }
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (r.status() != 200) {
            String message = ECHO.equals(r.content()) ? "you sent Authorization: " + ex.getRequestHeaders().getFirst("Authorization")
                    : "scripted " + r.status();
            byte[] body = ("{\"error\":{\"message\":\"" + message + "\",\"type\":\"x\"}}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(r.status(), body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        String json = new ObjectMapper().writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                "created", 1, "model", "llama-3.3-70b-versatile",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", r.content()))),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (r.stallMillis() > 0) {
                out.write(body, 0, 10); // headers and the start of the body, then nothing
                out.flush();
                try {
                    TimeUnit.MILLISECONDS.sleep(r.stallMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            out.write(body);
        } catch (IOException e) {
            // the client gave up: expected for a stalled body
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
