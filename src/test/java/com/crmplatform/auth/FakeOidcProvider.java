package com.crmplatform.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * An OpenID Connect provider on 127.0.0.1 for tests: discovery, an authorize endpoint that
 * redirects back at once (as if the user had signed in), a token endpoint that checks the PKCE
 * verifier and returns a signed ID token carrying the request's nonce, and its JWKS.
 */
final class FakeOidcProvider implements AutoCloseable {

    final String clientId = "crm-desktop.apps.example";
    String email = "asha@shop.example.in";
    String forgedState;
    boolean refreshRevoked;
    int refreshes;
    final RSAKey key;
    private final HttpServer server;
    /** What discovery says the issuer is; null: the truth. */
    volatile String discoveredIssuer;
    /** Refresh tokens revoked at /revoke. */
    final java.util.List<String> revoked = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, String[]> codes = new HashMap<>(); // code -> {challenge, nonce}

    FakeOidcProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", ex -> json(ex, 200, Map.of(
                "issuer", discoveredIssuer != null ? discoveredIssuer : issuer(),
                "authorization_endpoint", issuer() + "/authorize", "token_endpoint", issuer() + "/token",
                "jwks_uri", issuer() + "/jwks", "revocation_endpoint", issuer() + "/revoke")));
        server.createContext("/revoke", ex -> {
            revoked.add(form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).get("token"));
            send(ex, 200, "", "text/plain");
        });
        server.createContext("/jwks", ex -> send(ex, 200, new JWKSet(key.toPublicJWK()).toString(), "application/json"));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String code = "code-" + codes.size();
        codes.put(code, new String[] {q.get("code_challenge"), q.get("nonce"), q.get("code_challenge_method")});
        String state = forgedState != null ? forgedState : q.get("state");
        ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if ("refresh_token".equals(f.get("grant_type"))) {
            if (refreshRevoked || !"rt-1".equals(f.get("refresh_token"))) {
                json(ex, 400, Map.of("error", "invalid_grant", "error_description", "Token has been expired or revoked."));
            } else {
                refreshes++;
                json(ex, 200, Map.of("access_token", "at-" + (refreshes + 1), "token_type", "Bearer", "expires_in", 3600));
            }
            return;
        }
        String[] issued = codes.remove(f.get("code"));
        if (issued == null || !"S256".equals(issued[2]) || !challenge(f.get("code_verifier")).equals(issued[0])) {
            json(ex, 400, Map.of("error", "invalid_grant"));
            return;
        }
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).audience(clientId).subject("u-1")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                    .claim("nonce", issued[1]).claim("email", email).claim("email_verified", true).claim("name", "Asha Rao").build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            json(ex, 200, Map.of("access_token", "at-1", "token_type", "Bearer", "expires_in", 3600, "refresh_token", "rt-1",
                    "id_token", jwt.serialize()));
        } catch (Exception e) {
            json(ex, 500, Map.of("error", e.toString()));
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier == null ? new byte[0]
                    : verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw != null) {
            for (String p : raw.split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    m.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, new ObjectMapper().writeValueAsString(body), "application/json");
    }

    private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
