package com.crmplatform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in flow against a fake OpenID Connect provider on 127.0.0.1, with a scripted browser. */
class GoogleSignInTest {

    @TempDir
    Path dir;
    FakeOidcProvider provider;
    TokenStore store;
    final java.util.concurrent.ExecutorService background = com.crmplatform.app.BackgroundExecutor.create();

    @BeforeEach
    void start() throws Exception {
        provider = new FakeOidcProvider();
        store = new TokenStore(dir);
    }

    @AfterEach
    void stop() {
        provider.close();
        background.shutdownNow();
    }

    private GoogleSignIn signIn(List<String> domains, Duration timeout) {
        return new GoogleSignIn(new GoogleSignIn.Settings(provider.issuer(), provider.clientId, Optional.of("secret"), domains,
                timeout), store, Clock.systemUTC(), background);
    }

    /**
     * A browser that signs in at once: follows the provider's redirect back to the app. Like a real
     * one it runs on its own (the app does not wait for it); the last page it showed is kept.
     */
    static final ScriptedBrowser BROWSER = new ScriptedBrowser();

    static final class ScriptedBrowser implements Consumer<String> {
        volatile java.util.concurrent.CompletableFuture<String> page = new java.util.concurrent.CompletableFuture<>();

        @Override
        public void accept(String url) {
            java.util.concurrent.CompletableFuture<String> shown = new java.util.concurrent.CompletableFuture<>();
            page = shown;
            Thread t = new Thread(() -> {
                try {
                    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    String back = r.headers().firstValue("Location").orElseThrow();
                    shown.complete(client.send(HttpRequest.newBuilder(URI.create(back)).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                } catch (Exception e) {
                    shown.completeExceptionally(e);
                }
            }, "scripted-browser");
            t.setDaemon(true);
            t.start();
        }

        String lastPage() throws Exception {
            return page.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void theHappyPathStoresTheVerifiedIdentityOwnerOnly() throws Exception {
        TokenStore.StoredSession s = signIn(List.of(), Duration.ofSeconds(10)).signIn(BROWSER, () -> false);
        assertEquals("asha@shop.example.in", s.email());
        assertEquals("Asha Rao", s.name());
        assertEquals("rt-1", store.load().orElseThrow().refreshToken());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    }

    @Test
    void theBrowserIsToldSignedInOnlyAfterTheIdTokenChecksOut() throws Exception {
        signIn(List.of(), Duration.ofSeconds(10)).signIn(BROWSER, () -> false);
        assertTrue(BROWSER.lastPage().contains("You are signed in"), BROWSER.lastPage());
        provider.email = "asha@gmail.com";
        assertThrows(SignInRefused.class, () -> signIn(List.of("shop.example.in"), Duration.ofSeconds(10)).signIn(BROWSER, () -> false));
        assertFalse(BROWSER.lastPage().contains("You are signed in"), BROWSER.lastPage());
        assertTrue(BROWSER.lastPage().contains("refused"), BROWSER.lastPage());
    }

    @Test
    void anAnswerWithAForgedStateIsIgnoredAndNothingIsStored() throws Exception {
        provider.forgedState = "attacker";
        SignInRefused e = assertThrows(SignInRefused.class, () -> signIn(List.of(), Duration.ofMillis(1500)).signIn(BROWSER, () -> false));
        assertTrue(e.getMessage().contains("timed out"), "kept waiting for the real answer: " + e.getMessage());
        assertTrue(BROWSER.lastPage().contains("ignored"), BROWSER.lastPage());
        assertTrue(store.load().isEmpty());
    }

    @Test
    void aLocalRequestWithoutTheStateCannotAbortTheSignInAndItsTextIsNeverShownRaw() throws Exception {
        GoogleSignIn g = signIn(List.of(), Duration.ofSeconds(10));
        TokenStore.StoredSession s = g.signIn(url -> {
            String redirect = java.net.URLDecoder.decode(url.replaceAll(".*redirect_uri=([^&]+).*", "$1"),
                    java.nio.charset.StandardCharsets.UTF_8);
            try { // another local program calls the receiver first, with an error and escape sequences
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redirect
                        + "?error=%1B%5B2J%1B%5D0%3Bpwned%07access_denied&state=guess")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, r.statusCode());
                assertFalse(r.body().contains("\u001b"));
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            BROWSER.accept(url);
        }, () -> false);
        assertEquals("asha@shop.example.in", s.email());
        assertEquals("\u2026", SignInText.printable("\u001b[2J".repeat(1) + "x".repeat(300)).substring(200));
        assertEquals("[2Jaccess_denied", SignInText.printable("\u001b[2J\u0007access_denied"));
    }

    @Test
    void aProviderThatNamesAnotherIssuerOrTalksPlainHttpIsRefused() {
        provider.discoveredIssuer = "https://evil.example.com";
        SignInRefused other = assertThrows(SignInRefused.class, () -> OidcProvider.discover(provider.issuer()));
        assertTrue(other.getMessage().contains("must be the same"), other.getMessage());
        SignInRefused http = assertThrows(SignInRefused.class, () -> OidcProvider.discover("http://login.example.com"));
        assertTrue(http.getMessage().contains("not https"), http.getMessage());
    }

    @Test
    void signingOutRevokesTheRefreshToken() throws Exception {
        GoogleSignIn.Settings settings = new GoogleSignIn.Settings(provider.issuer(), provider.clientId, Optional.of("secret"),
                List.of(), Duration.ofSeconds(10));
        new GoogleSignIn(settings, store, Clock.systemUTC(), background).signIn(BROWSER, () -> false);
        new SessionManager(settings, store, Clock.systemUTC(), Duration.ofDays(7)).signOut();
        assertEquals(List.of("rt-1"), provider.revoked);
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void aDisallowedDomainIsRefusedAndWhatWasStoredIsDeleted() {
        store.save(new TokenStore.StoredSession("old@x.in", "Old", "s", "a", "r", java.time.Instant.now(), java.time.Instant.now()));
        provider.email = "asha@gmail.com";
        SignInRefused e = assertThrows(SignInRefused.class,
                () -> signIn(List.of("shop.example.in"), Duration.ofSeconds(10)).signIn(BROWSER, () -> false));
        assertTrue(e.getMessage().contains("not in an allowed domain"), e.getMessage());
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void aBrowserThatNeverComesBackTimesOutAndCancelStopsAtOnce() {
        long t = System.nanoTime();
        SignInRefused timeout = assertThrows(SignInRefused.class,
                () -> signIn(List.of(), Duration.ofMillis(700)).signIn(url -> { }, () -> false));
        assertTrue(timeout.getMessage().contains("timed out"));
        assertTrue((System.nanoTime() - t) / 1_000_000 < 5_000);
        SignInRefused cancel = assertThrows(SignInRefused.class,
                () -> signIn(List.of(), Duration.ofSeconds(30)).signIn(url -> { }, () -> true));
        assertTrue(cancel.getMessage().contains("cancelled"));
    }

    @Test
    void theReceiverListensOnLoopbackOnly() throws Exception {
        try (LoopbackReceiver r = LoopbackReceiver.start("s", background)) {
            assertTrue(r.address().getAddress().isLoopbackAddress());
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!a.isLoopbackAddress()) {
                        try (Socket s = new Socket()) {
                            assertThrows(java.io.IOException.class,
                                    () -> s.connect(new InetSocketAddress(a, r.address().getPort()), 500), "reachable on " + a);
                        }
                    }
                }
            }
        }
    }
}
