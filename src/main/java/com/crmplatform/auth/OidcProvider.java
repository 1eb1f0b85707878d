package com.crmplatform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * An OpenID Connect provider's endpoints, from its discovery document. The document must name the
 * issuer that was configured (OpenID Connect Discovery 1.0, section 4.3), and every address in it
 * must be https, except on this computer (a local test provider).
 *
 * @param revocationEndpoint where a refresh token is revoked at sign-out, when the provider has one
 */
public record OidcProvider(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                           Optional<String> revocationEndpoint) {

    public static final String GOOGLE = "https://accounts.google.com";

    public static OidcProvider discover(String issuer) {
        requireSecure("issuer", issuer);
        String url = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        JsonNode d;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new SignInRefused("The sign-in provider " + issuer + " answered " + r.statusCode() + " to discovery.");
            }
            d = new ObjectMapper().readTree(r.body());
        } catch (SignInRefused e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInRefused("Sign-in was interrupted.", e);
        } catch (Exception e) {
            throw new SignInRefused("Cannot reach the sign-in provider " + issuer + ". Check the network, or work offline "
                    + "if you signed in before.", e);
        }
        String named = d.path("issuer").asText("");
        if (!stripSlash(named).equals(stripSlash(issuer))) {
            throw new SignInRefused("The sign-in provider at " + issuer + " says it is \"" + SignInText.printable(named)
                    + "\"; the two must be the same. Check OIDC_ISSUER.");
        }
        OidcProvider p = new OidcProvider(named, d.path("authorization_endpoint").asText(), d.path("token_endpoint").asText(),
                d.path("jwks_uri").asText(), Optional.of(d.path("revocation_endpoint").asText("")).filter(s -> !s.isBlank()));
        requireSecure("authorization_endpoint", p.authorizationEndpoint());
        requireSecure("token_endpoint", p.tokenEndpoint());
        requireSecure("jwks_uri", p.jwksUri());
        p.revocationEndpoint().ifPresent(r -> requireSecure("revocation_endpoint", r));
        return p;
    }

    /** https, or http to this computer only. */
    static void requireSecure(String what, String address) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new SignInRefused("The sign-in provider's " + what + " \"" + SignInText.printable(address)
                    + "\" is not a web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = com.crmplatform.config.Secrets.isLoopbackHost(host);
        if (!(scheme.equals("https") && !host.isEmpty()) && !(scheme.equals("http") && loopback)) {
            throw new SignInRefused("The sign-in provider's " + what + " " + SignInText.printable(address)
                    + " is not https; sign-in only talks to providers over https.");
        }
    }

    private static String stripSlash(String s) {
        return s.replaceAll("/+$", "");
    }
}
