package com.crmplatform.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings the app runs with, resolved once at start-up from (highest first) command-line
 * options, environment variables and a {@code .env} file in the working directory.
 *
 * @param dataDir  where the local store, the lock file, logs and window state live
 * @param mongoUrl a MongoDB connection string; empty means the local SQLite store
 */
public record AppConfig(Path dataDir, Optional<String> mongoUrl) {

    public AppConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        mongoUrl = mongoUrl.filter(s -> !s.isBlank()).map(String::strip);
    }

    public boolean usesMongo() {
        return mongoUrl.isPresent();
    }
}
