package com.crmplatform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies an OpenID Connect ID token: its signature against the issuer's keys (JWKS, RS256), the
 * issuer, the audience (our client id), the expiry, the nonce of this sign-in, a verified email,
 * and, when domains are restricted, the verified email's domain or the {@code hd} claim.
 */
public final class IdTokenVerifier {

    /** What this sign-in expects of the token. */
    public record Expected(String issuer, String clientId, String nonce, List<String> allowedDomains) {
        public Expected {
            allowedDomains = allowedDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
        }
    }

    /** The verified person. */
    public record Identity(String subject, String email, String name, Instant expiresAt) {
    }

    private final JWKSource<SecurityContext> keys;
    private final Clock clock;

    public IdTokenVerifier(JWKSource<SecurityContext> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Keys from the issuer's JWKS address, cached and refetched when they rotate; 5 s timeouts. */
    public static IdTokenVerifier fromJwks(URL jwksUri, Clock clock) {
        JWKSource<SecurityContext> source = JWKSourceBuilder.create(jwksUri, new DefaultResourceRetriever(5_000, 5_000, 512 * 1024))
                .retrying(true).build();
        return new IdTokenVerifier(source, clock);
    }

    public Identity verify(String idToken, Expected expected) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(expected.clientId(),
                new JWTClaimsSet.Builder().issuer(expected.issuer()).claim("nonce", expected.nonce()).build(),
                new HashSet<>(List.of("sub", "exp", "iat", "email"))) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(60);
        processor.setJWTClaimsSetVerifier(claims);
        JWTClaimsSet set;
        try {
            set = processor.process(idToken, null);
        } catch (BadJWSException e) {
            throw new SignInRefused("The sign-in could not be verified: the token's signature does not match the provider's keys.", e);
        } catch (BadJWTException e) {
            throw new SignInRefused("The sign-in could not be verified: " + reason(e.getMessage()), e);
        } catch (ParseException | JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new SignInRefused("The sign-in could not be verified: " + e.getMessage(), e);
        }
        try {
            String email = set.getStringClaim("email");
            Boolean verified = set.getBooleanClaim("email_verified");
            if (email == null || !Boolean.TRUE.equals(verified)) {
                throw new SignInRefused("The provider has not verified this account's email address.");
            }
            if (!expected.allowedDomains().isEmpty()) {
                String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
                String hd = set.getStringClaim("hd");
                boolean allowed = expected.allowedDomains().contains(domain)
                        || hd != null && expected.allowedDomains().contains(hd.toLowerCase(Locale.ROOT));
                if (!allowed) {
                    throw new SignInRefused(email + " is not in an allowed domain (" + String.join(", ",
                            expected.allowedDomains()) + "). Sign in with your work account.");
                }
            }
            String name = set.getStringClaim("name");
            return new Identity(set.getSubject(), email, name == null ? email : name, set.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new SignInRefused("The sign-in token has a malformed claim: " + e.getMessage(), e);
        }
    }

    private static String reason(String nimbus) {
        String m = nimbus == null ? "" : nimbus;
        if (m.contains("Expired")) {
            return "the token has expired. Sign in again.";
        }
        if (m.contains("audience") || m.contains("aud claim")) {
            return "the token was issued to another application.";
        }
        if (m.contains("nonce")) {
            return "the token does not belong to this sign-in (nonce mismatch).";
        }
        if (m.contains("iss claim")) {
            return "the token comes from another issuer.";
        }
        if (m.contains("missing required claims")) {
            return "the token lacks claims a sign-in needs (" + m + ").";
        }
        return m;
    }
}
