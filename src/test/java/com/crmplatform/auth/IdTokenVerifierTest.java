package com.crmplatform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ID tokens made and signed here, as a provider would; each check refuses what it must. */
class IdTokenVerifierTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String ISSUER = "http://127.0.0.1:9999";
    static RSAKey providerKey;
    static RSAKey otherKey;
    final IdTokenVerifier verifier = new IdTokenVerifier(new ImmutableJWKSet<>(new JWKSet(providerKey.toPublicJWK())),
            Clock.fixed(NOW, ZoneOffset.UTC));
    final IdTokenVerifier.Expected expected = new IdTokenVerifier.Expected(ISSUER, "crm-desktop", "n0nce", List.of());

    @BeforeAll
    static void keys() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("crm-desktop").subject("1234")
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(3600)))
                .claim("nonce", "n0nce").claim("email", "asha@shop.example.in").claim("email_verified", true)
                .claim("name", "Asha Rao");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                change.apply(claims).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private String refused(String token, IdTokenVerifier.Expected e) {
        return assertThrows(SignInRefused.class, () -> verifier.verify(token, e)).getMessage();
    }

    @Test
    void aGoodTokenGivesTheVerifiedPerson() throws Exception {
        IdTokenVerifier.Identity id = verifier.verify(token(providerKey, b -> b), expected);
        assertEquals("asha@shop.example.in", id.email());
        assertEquals("Asha Rao", id.name());
        assertEquals(NOW.plusSeconds(3600), id.expiresAt());
    }

    @Test
    void everyWrongTokenIsRefusedWithItsReason() throws Exception {
        assertTrue(refused(token(otherKey, b -> b), expected).contains("signature"));
        assertTrue(refused(token(providerKey, b -> b.audience("someone-else")), expected).contains("another application"));
        assertTrue(refused(token(providerKey, b -> b.expirationTime(Date.from(NOW.minusSeconds(600)))), expected)
                .contains("expired"));
        assertTrue(refused(token(providerKey, b -> b.claim("nonce", "replayed")), expected).contains("nonce"));
        String wrongIssuer = refused(token(providerKey, b -> b.issuer("https://evil.example")), expected);
        assertTrue(wrongIssuer.contains("issuer"), wrongIssuer);
        assertTrue(refused(token(providerKey, b -> b.claim("email_verified", false)), expected).contains("not verified"));
    }

    @Test
    void onlyAllowedDomainsMayEnter() throws Exception {
        IdTokenVerifier.Expected restricted = new IdTokenVerifier.Expected(ISSUER, "crm-desktop", "n0nce", List.of("Shop.Example.in"));
        assertEquals("asha@shop.example.in", verifier.verify(token(providerKey, b -> b), restricted).email());
        assertTrue(refused(token(providerKey, b -> b.claim("email", "asha@gmail.com")), restricted).contains("not in an allowed domain"));
        assertEquals("asha@other.example", verifier.verify(token(providerKey, b -> b.claim("email", "asha@other.example")
                .claim("hd", "shop.example.in")), restricted).email());
    }
}
