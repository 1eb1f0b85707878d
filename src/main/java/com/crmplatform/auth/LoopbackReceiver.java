package com.crmplatform.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Receives the provider's redirect on 127.0.0.1 only (a random free port). A request without this
 * sign-in's {@code state} is ignored (the receiver keeps waiting), and the browser is told "signed
 * in" only after the app has verified the ID token.
 */
final class LoopbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final String expectedState;
    private final CompletableFuture<String> code = new CompletableFuture<>();
    /** "" when signed in, else why not; the browser's page waits for it. */
    private final CompletableFuture<String> outcome = new CompletableFuture<>();
    private static final long VERDICT_WAIT_SECONDS = 60;
    /** Counted down once the browser got the page that says how the sign-in ended. */
    private final java.util.concurrent.CountDownLatch verdictShown = new java.util.concurrent.CountDownLatch(1);

    /**
     * @param requests the app's background executor (a pool that grows): each request runs on a
     *                 thread of its own, so a local program that opens a request and never finishes
     *                 it cannot hold up the browser's answer; stopping the server ends such requests
     */
    private LoopbackReceiver(String expectedState, Executor requests) throws IOException {
        this.expectedState = expectedState;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/callback", this::handle);
        server.setExecutor(requests);
        server.start();
    }

    static LoopbackReceiver start(String expectedState, Executor requests) {
        try {
            return new LoopbackReceiver(expectedState, requests);
        } catch (IOException e) {
            throw new SignInRefused("Cannot open a local port for the sign-in to come back to: " + e.getMessage(), e);
        }
    }

    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    CompletableFuture<String> code() {
        return code;
    }

    /**
     * Tells the browser how the sign-in ended, once the ID token has been checked.
     *
     * @param refusal why it was refused, or null when the user is signed in
     */
    void finish(String refusal) {
        outcome.complete(refusal == null ? "" : refusal);
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        if (!expectedState.equals(q.get("state"))) {
            // Not the answer to this sign-in (any local program can call this port): ignored, keep waiting.
            respond(ex, 400, "This address does not belong to the sign-in CRM Platform started, so it was ignored.");
            return;
        }
        if (q.containsKey("error")) {
            code.completeExceptionally(new SignInRefused("The provider did not sign you in ("
                    + SignInText.printable(q.get("error")) + ")."));
            respond(ex, 200, "Sign-in was not completed. You can close this tab and try again from CRM Platform.");
            return;
        }
        if (q.get("code") == null) {
            code.completeExceptionally(new SignInRefused("The provider sent no authorization code."));
            respond(ex, 200, "Sign-in was not completed. You can close this tab and try again from CRM Platform.");
            return;
        }
        code.complete(q.get("code"));
        String refusal;
        try {
            refusal = outcome.get(VERDICT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refusal = "interrupted";
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            refusal = "CRM Platform did not finish checking the sign-in";
        }
        try {
            respond(ex, 200, refusal.isEmpty() ? "You are signed in to CRM Platform. You can close this tab and return to the app."
                    : "Sign-in was refused: " + SignInText.printable(refusal) + " You can close this tab.");
        } finally {
            verdictShown.countDown();
        }
    }

    private static void respond(HttpExchange ex, int status, String page) throws IOException {
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>CRM Platform</title></head>"
                + "<body style=\"font-family:sans-serif;margin:4em\"><h2>CRM Platform</h2><p>" + SignInText.html(page)
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    @Override
    public void close() {
        outcome.complete("the sign-in was stopped");
        if (code.isDone() && !code.isCompletedExceptionally()) {
            try { // let the browser have its page before the server goes
                verdictShown.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
    }
}
