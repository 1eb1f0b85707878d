package com.crmplatform.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings the app runs with, resolved once at start-up from (highest first) command-line
 * options, environment variables and a {@code .env} file in the working directory.
 *
 * @param dataDir  where the local store, the lock file, logs and window state live
 * @param mongoUrl a MongoDB connection string; empty means the local SQLite store
 * @param groqApiKey {@code GROQ_API_KEY}; empty: the offline parser answers
 * @param mail       the mail server settings ({@code SMTP_HOST} …) by name; empty: no email channel here
 */
public record AppConfig(Path dataDir, Optional<String> mongoUrl, Optional<String> groqApiKey, Optional<String> groqBaseUrl,
                        Optional<String> groqModel, java.util.Map<String, String> mail) {

    /** The names of the mail server settings, read from the environment, {@code .env} or saved settings. */
    public static final java.util.List<String> MAIL_SETTINGS = java.util.List.of("SMTP_HOST", "SMTP_PORT", "SMTP_USER",
            "SMTP_PASSWORD", "SMTP_FROM", "SMTP_FROM_NAME", "SMTP_TLS", "SMTP_PER_MINUTE");

    public AppConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        mongoUrl = mongoUrl.filter(s -> !s.isBlank()).map(String::strip);
        mail = java.util.Map.copyOf(mail);
    }

    public AppConfig(Path dataDir, Optional<String> mongoUrl, Optional<String> groqApiKey, Optional<String> groqBaseUrl,
                     Optional<String> groqModel) {
        this(dataDir, mongoUrl, groqApiKey, groqBaseUrl, groqModel, java.util.Map.of());
    }

    /** A mail server setting by name. */
    public Optional<String> mailSetting(String name) {
        return Optional.ofNullable(mail.get(name)).filter(v -> !v.isBlank());
    }

    /** Local settings with no Groq configured. */
    public AppConfig(Path dataDir, Optional<String> mongoUrl) {
        this(dataDir, mongoUrl, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "AppConfig[dataDir=" + dataDir + ", mongo=" + mongoUrl.map(Secrets::maskUri).orElse("none") + ", groqKey="
                + (groqApiKey.isPresent() ? "****" : "none") + ", groqBaseUrl=" + groqBaseUrl.orElse("default") + "]";
    }

    /** The same settings on the local store (when the central database cannot be reached this time). */
    public AppConfig withoutMongo() {
        return new AppConfig(dataDir, Optional.empty(), groqApiKey, groqBaseUrl, groqModel, mail);
    }

    public boolean usesMongo() {
        return mongoUrl.isPresent();
    }
}
