package com.crmplatform.sync;

import com.crmplatform.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Team-mode sync as the window and the command line use it: whether MongoDB answers, what is
 * pending, the conflicts and their resolution, and syncing now. In local mode there is nothing to
 * sync ({@link #none()}).
 */
public final class SyncService {

    /** Reaches MongoDB for the sync: the engine when connected (connecting if it can), and a quick check. */
    public interface Central {
        /** The engine over a connected MongoDB, connecting first if needed; empty when it cannot be reached. */
        Optional<SyncEngine> engine();

        /** Whether MongoDB answers now (within about 1.5 s). */
        boolean ping();

        /** Why MongoDB cannot be reached, in words (after a failed {@link #engine()}). */
        String unreachable();
    }

    /**
     * What the status bar and {@code sync status} show; {@code preparingSearch}: search indexes a
     * first sync left for after the opening are still being built (the status bar says so).
     */
    public record Status(boolean teamMode, boolean online, long pending, long conflicts, Instant lastSync,
                         boolean preparingSearch) {
    }

    /** How often the window checks the connection and syncs: a change reaches other workstations in about a second. */
    public static final long HEARTBEAT_MS = 500;

    private final Replica replica;
    private final Central central;
    private final Clock clock;
    private volatile boolean online;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncService.class);
    /** The last successful sync (written to the replica only when something moved, or every half minute). */
    private volatile Instant lastSync;

    public SyncService(Replica replica, Central central, Clock clock) {
        this.replica = replica;
        this.central = central;
        this.clock = clock;
    }

    /** Local mode: no replica, nothing pending, always "online". */
    public static SyncService none() {
        return new SyncService(null, null, Clock.systemUTC());
    }

    public boolean teamMode() {
        return replica != null;
    }

    /** The status as last known (no round trip to MongoDB). */
    public Status status() {
        if (replica == null) {
            return new Status(false, true, 0, 0, null, false);
        }
        Instant stored = replica.state().lastSync();
        Instant known = lastSync;
        return new Status(true, online, replica.pendingCount(), replica.conflictCount(),
                known != null && (stored == null || known.isAfter(stored)) ? known : stored, replica.searchIndexesMissing());
    }

    /** Asks MongoDB whether it answers (nothing is pushed or pulled). */
    public Status probe() {
        if (replica != null) {
            online = central.ping();
        }
        return status();
    }

    /**
     * Pushes and pulls what there is when MongoDB is connected; a failure is logged and everything
     * stays pending for the next run (the window's background sync, beside its connection checks).
     */
    public Status syncQuietly() {
        if (replica != null) {
            buildSearchIndexQuietly();
            try {
                if (central.engine().isPresent()) {
                    sync((d, t) -> { }, () -> false);
                }
            } catch (RuntimeException e) {
                LOG.warn("background sync stopped; it is tried again at the next check: {}", e.getMessage());
            }
        }
        return status();
    }

    /**
     * Builds one of the indexes a first sync left for after the opening, if one is missing (the
     * window's background runs, online or not: one per run, so its reads go on between them). A
     * failure is logged and tried again at the next run.
     */
    public void buildSearchIndexQuietly() {
        if (replica != null) {
            try {
                replica.buildSearchIndex();
            } catch (RuntimeException e) {
                LOG.warn("building a search index stopped; it is tried again at the next check: {}", e.getMessage());
            }
        }
    }

    /**
     * Builds what a first sync left for later (online or not), then pushes and pulls until nothing
     * is left (an empty replica is filled first, with progress).
     *
     * @throws StoreException with a one-line reason when MongoDB cannot be reached
     */
    public SyncEngine.Outcome syncNow(SyncEngine.Progress progress, BooleanSupplier cancelled) {
        if (replica == null) {
            return new SyncEngine.Outcome(0, 0);
        }
        while (replica.buildSearchIndex()) { // offline too: what a first sync left for later (none before it)
            // until every index is there
        }
        return sync(progress, cancelled);
    }

    private SyncEngine.Outcome sync(SyncEngine.Progress progress, BooleanSupplier cancelled) {
        SyncEngine engine = central.engine().orElseThrow(() -> {
            online = false;
            return new StoreException(central.unreachable());
        });
        for (int attempt = 1; ; attempt++) {
            try {
                SyncEngine.Outcome outcome = engine.sync(progress, cancelled);
                online = true;
                Instant now = clock.instant();
                Instant stored = replica.state().lastSync();
                if (outcome.pushed() + outcome.pulled() > 0 || stored == null || stored.isBefore(now.minusSeconds(30))) {
                    replica.markSynced(now);
                }
                lastSync = now;
                return outcome;
            } catch (com.mongodb.MongoSocketException e) {
                // A connection the network cut while it was idle fails on its first use: once more, on a new one.
                if (attempt == 4 || !central.ping()) {
                    online = false;
                    throw new StoreException(central.unreachable() + " The changes stay pending.", e);
                }
                pause(100L * attempt);
            } catch (com.mongodb.MongoException e) {
                online = central.ping();
                throw com.crmplatform.store.mongo.MongoDocs.translate(e, "the team database");
            } catch (RuntimeException e) {
                online = central.ping();
                throw e;
            }
        }
    }

    /**
     * Pushes what is pending (and pulls), if MongoDB answers; for a command that wrote on the
     * replica and is about to end.
     *
     * @return a line for the user when changes stay pending
     */
    public Optional<String> pushBeforeClosing() {
        if (replica == null || replica.pendingCount() == 0) {
            return Optional.empty();
        }
        try {
            syncNow((d, t) -> { }, () -> false);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("offline: " + replica.pendingCount() + " change(s) stay pending on this computer "
                    + "and are pushed at the next sync (" + e.getMessage() + ")");
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Sync was interrupted; the changes stay pending.", e);
        }
    }

    public List<Conflict> conflicts() {
        return replica == null ? List.of() : replica.conflicts();
    }

    /** The pending changes, a line each, oldest first. */
    public List<String> pending(int limit) {
        return replica == null ? List.of() : replica.pendingDescriptions(limit);
    }

    /** Settles a conflict; the choice is pushed at the next sync. */
    public void resolve(long conflictId, boolean mine) {
        if (replica == null) {
            throw new StoreException("There are no sync conflicts in local mode.");
        }
        SyncEngine.resolve(replica, conflictId, mine, clock.instant());
    }
}
