package com.crmplatform.app;

import com.crmplatform.config.AppConfig;

/** Opens the store the configuration names: MongoDB when a URL is set, else the local file. */
public final class StoreOpener {

    public static final long MONGO_TIMEOUT_MS = 5_000;

    private StoreOpener() {
    }

    public static Store open(AppConfig config) {
        return config.mongoUrl().<Store>map(url -> MongoStore.open(url, MONGO_TIMEOUT_MS))
                .orElseGet(() -> SqliteStore.open(config.dataDir()));
    }

    /** For commands that only read: a local store in a read-only place is opened read-only. */
    public static Store openForReading(AppConfig config) {
        return config.mongoUrl().<Store>map(url -> MongoStore.open(url, MONGO_TIMEOUT_MS))
                .orElseGet(() -> SqliteStore.openForReading(config.dataDir()));
    }
}
