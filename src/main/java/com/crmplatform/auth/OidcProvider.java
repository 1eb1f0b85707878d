package com.crmplatform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An OpenID Connect provider's endpoints, from its discovery document. */
public record OidcProvider(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri) {

    public static final String GOOGLE = "https://accounts.google.com";

    public static OidcProvider discover(String issuer) {
        String url = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new SignInRefused("The sign-in provider " + issuer + " answered " + r.statusCode() + " to discovery.");
            }
            JsonNode d = new ObjectMapper().readTree(r.body());
            return new OidcProvider(d.path("issuer").asText(issuer), d.path("authorization_endpoint").asText(),
                    d.path("token_endpoint").asText(), d.path("jwks_uri").asText());
        } catch (SignInRefused e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInRefused("Sign-in was interrupted.", e);
        } catch (Exception e) {
            throw new SignInRefused("Cannot reach the sign-in provider " + issuer + ". Check the network, or work offline "
                    + "if you signed in before.", e);
        }
    }
}
