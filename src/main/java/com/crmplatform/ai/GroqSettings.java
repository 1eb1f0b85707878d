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

    @Override
    public String toString() {
        return "GroqSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isPresent() ? "****" : "none") + "]";
    }
}
