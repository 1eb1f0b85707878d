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

/**
 * Receives the provider's redirect on 127.0.0.1 only (a random free port), checks {@code state},
 * and shows the browser a page saying the user can return to the app.
 */
final class LoopbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final String expectedState;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackReceiver(String expectedState) throws IOException {
        this.expectedState = expectedState;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/callback", this::handle);
        server.start();
    }

    static LoopbackReceiver start(String expectedState) {
        try {
            return new LoopbackReceiver(expectedState);
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

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String page;
        if (q.containsKey("error")) {
            code.completeExceptionally(new SignInRefused("The provider did not sign you in (" + q.get("error") + ")."));
            page = "Sign-in was not completed. You can close this tab and try again from CRM Platform.";
        } else if (!expectedState.equals(q.get("state"))) {
            code.completeExceptionally(new SignInRefused("A sign-in answer came back that this app did not ask for "
                    + "(state mismatch); it was refused. Try again."));
            page = "This sign-in link does not belong to the sign-in CRM Platform started. It was refused.";
        } else if (q.get("code") == null) {
            code.completeExceptionally(new SignInRefused("The provider sent no authorization code."));
            page = "Sign-in was not completed. You can close this tab and try again from CRM Platform.";
        } else {
            code.complete(q.get("code"));
            page = "You are signed in to CRM Platform. You can close this tab and return to the app.";
        }
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>CRM Platform</title></head>"
                + "<body style=\"font-family:sans-serif;margin:4em\"><h2>CRM Platform</h2><p>" + page + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
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
        server.stop(0);
    }
}
