package com.crmplatform.auth;

import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The stored session: still valid, refreshed when its access token expired, gone when the refresh
 * token was revoked (back to the sign-in screen, never a dead session), and kept for a grace period
 * when the provider cannot be reached (working offline).
 */
public final class SessionManager {

    /** Who is signed in, and whether the provider could confirm it just now. */
    public record Current(TokenStore.StoredSession session, boolean offline) implements CurrentUser {
        @Override
        public String id() {
            return session.email();
        }

        @Override
        public String displayName() {
            return session.name() + " <" + session.email() + ">";
        }

        @Override
        public boolean isLocalMode() {
            return false;
        }
    }

    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);

    private final GoogleSignIn.Settings settings;
    private final TokenStore store;
    private final Clock clock;
    private final Duration grace;

    public SessionManager(GoogleSignIn.Settings settings, TokenStore store, Clock clock, Duration grace) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.grace = grace;
    }

    public Optional<Current> current() {
        Optional<TokenStore.StoredSession> stored = store.load();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        TokenStore.StoredSession s = stored.get();
        Instant now = clock.instant();
        if (now.isBefore(s.accessExpiresAt().minusSeconds(60))) {
            return Optional.of(new Current(s, false));
        }
        if (s.refreshToken() == null) {
            return withinGrace(s, now);
        }
        try {
            OidcProvider provider = OidcProvider.discover(settings.issuer());
            TokenResponse r = new RefreshTokenRequest(new NetHttpTransport(), GsonFactory.getDefaultInstance(),
                    new GenericUrl(provider.tokenEndpoint()), s.refreshToken())
                    .setClientAuthentication(new ClientParametersAuthentication(settings.clientId(),
                            settings.clientSecret().orElse(null))).execute();
            long expiresIn = r.getExpiresInSeconds() == null ? 3600 : r.getExpiresInSeconds();
            TokenStore.StoredSession renewed = new TokenStore.StoredSession(s.email(), s.name(), s.subject(), r.getAccessToken(),
                    r.getRefreshToken() != null ? r.getRefreshToken() : s.refreshToken(), now.plusSeconds(expiresIn), now);
            store.save(renewed);
            return Optional.of(new Current(renewed, false));
        } catch (TokenResponseException e) {
            store.delete(); // revoked or expired refresh token: sign in again
            return Optional.empty();
        } catch (SignInRefused | IOException e) {
            return withinGrace(s, now); // the provider is out of reach: offline
        }
    }

    private Optional<Current> withinGrace(TokenStore.StoredSession s, Instant now) {
        return now.isBefore(s.verifiedAt().plus(grace)) ? Optional.of(new Current(s, true)) : Optional.empty();
    }

    /** Signs out and revokes the refresh token at the provider (when it has a revocation endpoint), waiting for it. */
    public void signOut() {
        signOutLocally().run();
    }

    /**
     * Deletes the stored session at once; the returned work revokes its refresh token at the
     * provider (RFC 7009), which needs the network and may be run in the background. Revocation is
     * best effort: offline, the token is only forgotten here.
     */
    public Runnable signOutLocally() {
        Optional<TokenStore.StoredSession> stored = store.load();
        store.delete();
        String refresh = stored.map(TokenStore.StoredSession::refreshToken).orElse(null);
        if (refresh == null) {
            return () -> { };
        }
        return () -> revoke(refresh);
    }

    private void revoke(String refreshToken) {
        try {
            OidcProvider provider = OidcProvider.discover(settings.issuer());
            if (provider.revocationEndpoint().isEmpty()) {
                return;
            }
            String form = "token=" + enc(refreshToken) + "&token_type_hint=refresh_token&client_id=" + enc(settings.clientId())
                    + settings.clientSecret().map(c -> "&client_secret=" + enc(c)).orElse("");
            java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(provider.revocationEndpoint().get()))
                            .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // offline or refused: the token is forgotten here and expires at the provider
            org.slf4j.LoggerFactory.getLogger(SessionManager.class).info("Refresh token not revoked: {}",
                    e.getClass().getSimpleName());
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
