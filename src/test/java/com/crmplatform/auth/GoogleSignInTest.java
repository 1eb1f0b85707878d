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

    @BeforeEach
    void start() throws Exception {
        provider = new FakeOidcProvider();
        store = new TokenStore(dir);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private GoogleSignIn signIn(List<String> domains, Duration timeout) {
        return new GoogleSignIn(new GoogleSignIn.Settings(provider.issuer(), provider.clientId, Optional.of("secret"), domains,
                timeout), store, Clock.systemUTC());
    }

    /** A browser that signs in at once: follows the provider's redirect back to the app. */
    static final Consumer<String> BROWSER = url -> {
        try {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            String back = r.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(back)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(page.body().contains("return to the app") || page.body().contains("refused"), page.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    @Test
    void theHappyPathStoresTheVerifiedIdentityOwnerOnly() throws Exception {
        TokenStore.StoredSession s = signIn(List.of(), Duration.ofSeconds(10)).signIn(BROWSER, () -> false);
        assertEquals("asha@shop.example.in", s.email());
        assertEquals("Asha Rao", s.name());
        assertEquals("rt-1", store.load().orElseThrow().refreshToken());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    }

    @Test
    void aForgedStateIsRefusedAndNothingIsStored() {
        provider.forgedState = "attacker";
        SignInRefused e = assertThrows(SignInRefused.class, () -> signIn(List.of(), Duration.ofSeconds(10)).signIn(BROWSER, () -> false));
        assertTrue(e.getMessage().contains("state"), e.getMessage());
        assertTrue(store.load().isEmpty());
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
        try (LoopbackReceiver r = LoopbackReceiver.start("s")) {
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
