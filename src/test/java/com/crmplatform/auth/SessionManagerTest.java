package com.crmplatform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionManagerTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    private TokenStore.StoredSession stored(Instant accessExpires, Instant verified) {
        return new TokenStore.StoredSession("asha@shop.example.in", "Asha Rao", "u-1", "at-1", "rt-1", accessExpires, verified);
    }

    private SessionManager manager(String issuer) {
        return new SessionManager(new GoogleSignIn.Settings(issuer, "crm-desktop.apps.example", Optional.of("secret"), List.of(),
                Duration.ofSeconds(5)), new TokenStore(dir), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(7));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndARevokedOneLeadsBackToSignIn() throws Exception {
        try (FakeOidcProvider provider = new FakeOidcProvider()) {
            TokenStore store = new TokenStore(dir);
            store.save(stored(NOW.minusSeconds(10), NOW.minusSeconds(3600)));
            SessionManager.Current c = manager(provider.issuer()).current().orElseThrow();
            assertEquals("asha@shop.example.in", c.id());
            assertFalse(c.offline());
            assertEquals("at-2", store.load().orElseThrow().accessToken());
            assertEquals(1, provider.refreshes);

            store.save(stored(NOW.minusSeconds(10), NOW.minusSeconds(3600)));
            provider.refreshRevoked = true;
            assertTrue(manager(provider.issuer()).current().isEmpty());
            assertTrue(store.load().isEmpty(), "a revoked session is deleted, not kept dead");
        }
    }

    @Test
    void offlineTheSessionLastsForTheGracePeriod() {
        String unreachable = "http://127.0.0.1:1";
        TokenStore store = new TokenStore(dir);
        store.save(stored(NOW.minusSeconds(10), NOW.minus(Duration.ofDays(6))));
        SessionManager.Current c = manager(unreachable).current().orElseThrow();
        assertTrue(c.offline());
        store.save(stored(NOW.minusSeconds(10), NOW.minus(Duration.ofDays(8))));
        assertTrue(manager(unreachable).current().isEmpty());
        manager(unreachable).signOut();
        assertTrue(store.load().isEmpty());
    }
}
