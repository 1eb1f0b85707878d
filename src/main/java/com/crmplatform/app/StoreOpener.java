package com.crmplatform.app;

import com.crmplatform.config.AppConfig;
import java.time.Clock;

/**
 * Opens the store the configuration names: in team mode (a MongoDB URL is set) this workstation's
 * replica of it, synced in the background; else the local file.
 */
public final class StoreOpener {

    public static final long MONGO_TIMEOUT_MS = 5_000;

    private StoreOpener() {
    }

    public static Store open(AppConfig config) {
        return open(config, (done, total) -> { });
    }

    /** @param progress told how far the first filling of an empty replica is, and when a file is upgraded */
    public static Store open(AppConfig config, OpeningProgress progress) {
        return open(config, progress, Runnable::run);
    }

    /** @param background the app's one executor (the first sync reads ahead on it) */
    public static Store open(AppConfig config, OpeningProgress progress, java.util.concurrent.Executor background) {
        return config.mongoUrl().<Store>map(url -> ReplicaStore.open(url, config.dataDir(), Clock.systemUTC(), progress,
                        background))
                .orElseGet(() -> SqliteStore.open(config.dataDir(), progress::upgrading));
    }

    /** For commands that only read: a local store in a read-only place is opened read-only. */
    public static Store openForReading(AppConfig config, OpeningProgress progress) {
        return config.mongoUrl().<Store>map(url -> ReplicaStore.open(url, config.dataDir(), Clock.systemUTC(), progress))
                .orElseGet(() -> SqliteStore.openForReading(config.dataDir(), progress::upgrading));
    }
}
