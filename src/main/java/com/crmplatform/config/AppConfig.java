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
 */
public record AppConfig(Path dataDir, Optional<String> mongoUrl, Optional<String> groqApiKey, Optional<String> groqBaseUrl,
                        Optional<String> groqModel) {

    public AppConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        mongoUrl = mongoUrl.filter(s -> !s.isBlank()).map(String::strip);
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
        return new AppConfig(dataDir, Optional.empty(), groqApiKey, groqBaseUrl, groqModel);
    }

    public boolean usesMongo() {
        return mongoUrl.isPresent();
    }
}
