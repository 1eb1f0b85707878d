package com.crmplatform.ai;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Groq: its OpenAI-compatible endpoint, the model, the key (never logged), and how
 * long to wait for an answer and for a rate limit to lift.
 */
public record GroqSettings(Optional<String> apiKey, String baseUrl, String model, Duration timeout, Duration maxRetryWait) {

    public static final String DEFAULT_BASE_URL = "https://api.groq.com/openai/v1";
    public static final String DEFAULT_MODEL = "llama-3.3-70b-versatile";

    public GroqSettings {
        apiKey = apiKey.filter(k -> !k.isBlank()).map(String::strip);
    }

    public static GroqSettings of(Optional<String> apiKey, Optional<String> baseUrl, Optional<String> model) {
        return new GroqSettings(apiKey, baseUrl.orElse(DEFAULT_BASE_URL), model.orElse(DEFAULT_MODEL),
                Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    /**
     * Why the key must not be sent to {@link #baseUrl}, if so: anything but https, except to this
     * computer (a local proxy or test server), would put the key on the wire in clear text.
     */
    public Optional<String> endpointProblem() {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("the Groq address \"" + baseUrl + "\" is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (scheme.equals("https") && !host.isEmpty()) {
            return Optional.empty();
        }
        if (scheme.equals("http") && isLoopback(host)) {
            return Optional.empty();
        }
        return Optional.of("the Groq address " + scheme + "://" + host + " is not https, so the API key is not sent "
                + "there (set GROQ_BASE_URL to an https:// address)");
    }

    private static boolean isLoopback(String host) {
        return com.crmplatform.config.Secrets.isLoopbackHost(host);
    }

    @Override
    public String toString() {
        return "GroqSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isPresent() ? "****" : "none") + "]";
    }
}
