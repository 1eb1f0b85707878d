package com.crmplatform.auth;

import com.google.api.client.auth.oauth2.AuthorizationCodeFlow;
import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Signing in the way OAuth for native apps (RFC 8252) says: the system browser, a redirect to
 * 127.0.0.1, PKCE (S256) — with what the library's stock installed-app flow lacks: a fresh flow
 * (and PKCE verifier) per attempt, {@code state} and {@code nonce} checked, a receiver on loopback
 * only, a timeout and cancel, and tokens stored (owner-only) only after the ID token is verified.
 */
public final class GoogleSignIn {

    /** Who may sign in, where, and how long to wait for the browser. */
    public record Settings(String issuer, String clientId, Optional<String> clientSecret, List<String> allowedDomains,
                           Duration timeout) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final TokenStore store;
    private final Clock clock;
    private final Executor background;

    /** @param background the app's background executor; the browser's answer is received on it */
    public GoogleSignIn(Settings settings, TokenStore store, Clock clock, Executor background) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.background = background;
    }

    /**
     * Runs one sign-in.
     *
     * @param openBrowser opens the sign-in address (and lets the window show it to copy)
     * @param cancelled   polled while waiting: true stops the sign-in
     */
    public TokenStore.StoredSession signIn(Consumer<String> openBrowser, BooleanSupplier cancelled) {
        OidcProvider provider = OidcProvider.discover(settings.issuer());
        String state = random();
        String nonce = random();
        try (LoopbackReceiver receiver = LoopbackReceiver.start(state, background)) {
            try {
                TokenStore.StoredSession session = signIn(provider, receiver, state, nonce, openBrowser, cancelled);
                receiver.finish(null);
                return session;
            } catch (RuntimeException e) {
                receiver.finish(e.getMessage());
                throw e;
            }
        }
    }

    private TokenStore.StoredSession signIn(OidcProvider provider, LoopbackReceiver receiver, String state, String nonce,
                                            Consumer<String> openBrowser, BooleanSupplier cancelled) {
        try {
            AuthorizationCodeFlow flow = new AuthorizationCodeFlow.Builder(BearerToken.authorizationHeaderAccessMethod(),
                    new NetHttpTransport(), GsonFactory.getDefaultInstance(), new GenericUrl(provider.tokenEndpoint()),
                    new ClientParametersAuthentication(settings.clientId(), settings.clientSecret().orElse(null)),
                    settings.clientId(), provider.authorizationEndpoint())
                    .setScopes(List.of("openid", "email", "profile")).enablePKCE().build();
            String url = flow.newAuthorizationUrl().setRedirectUri(receiver.redirectUri()).setState(state)
                    .set("nonce", nonce).build();
            openBrowser.accept(url);
            String code = await(receiver, cancelled);
            TokenResponse tokens;
            try {
                tokens = flow.newTokenRequest(code).setRedirectUri(receiver.redirectUri()).execute();
            } catch (TokenResponseException e) {
                throw new SignInRefused("The provider refused the sign-in code (" + (e.getDetails() == null ? e.getStatusCode()
                        : SignInText.printable(e.getDetails().getError())) + "). Try again.", e);
            } catch (IOException e) {
                throw new SignInRefused("Cannot reach the sign-in provider to finish signing in: " + e.getMessage(), e);
            }
            Object idToken = tokens.get("id_token");
            if (!(idToken instanceof String token)) {
                throw new SignInRefused("The provider sent no ID token; is the \"openid\" scope allowed for this client?");
            }
            IdTokenVerifier.Identity who = IdTokenVerifier.fromJwks(new URL(provider.jwksUri()), clock)
                    .verify(token, new IdTokenVerifier.Expected(provider.issuer(), settings.clientId(), nonce,
                            settings.allowedDomains()));
            Instant now = clock.instant();
            long expiresIn = tokens.getExpiresInSeconds() == null ? 3600 : tokens.getExpiresInSeconds();
            TokenStore.StoredSession session = new TokenStore.StoredSession(who.email(), who.name(), who.subject(),
                    tokens.getAccessToken(), tokens.getRefreshToken(), now.plusSeconds(expiresIn), now);
            store.save(session); // only now, after the ID token checked out
            return session;
        } catch (SignInRefused e) {
            store.delete();
            throw e;
        } catch (java.net.MalformedURLException e) {
            store.delete();
            throw new SignInRefused("The provider's key address is not valid: " + e.getMessage(), e);
        }
    }

    private String await(LoopbackReceiver receiver, BooleanSupplier cancelled) {
        Instant deadline = clock.instant().plus(settings.timeout());
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new SignInRefused("Sign-in was cancelled.");
            }
            if (clock.instant().isAfter(deadline)) {
                throw new SignInRefused("Sign-in timed out: the browser did not come back within "
                        + settings.timeout().toSeconds() + " s. Try again.");
            }
            try {
                return receiver.code().get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // keep waiting
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SignInRefused r ? r : new SignInRefused(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SignInRefused("Sign-in was interrupted.", e);
            }
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
