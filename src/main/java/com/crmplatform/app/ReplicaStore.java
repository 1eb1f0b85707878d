package com.crmplatform.app;

import com.crmplatform.campaign.CampaignRepository;
import com.crmplatform.config.Secrets;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.delivery.CommunicationLogRepository;
import com.crmplatform.order.CustomerRemovals;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.segment.AudienceRepository;
import com.crmplatform.segment.SegmentRepository;
import com.crmplatform.store.StoreException;
import com.crmplatform.sync.Replica;
import com.crmplatform.sync.SyncEngine;
import com.crmplatform.sync.SyncService;
import com.mongodb.ConnectionString;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Team mode, local-first (ADR 0007): customers and orders are read and written on this
 * workstation's replica (a SQLite file in the data directory, one per central database), and a
 * {@link SyncService} pushes and pulls them; campaigns, delivery, history and saved segments are
 * MongoDB's and answer only while it is connected. The window opens on the replica when MongoDB is
 * unreachable, once the replica has been filled.
 */
public final class ReplicaStore implements Store, SyncService.Central {

    /** How often, at most, a workstation that is offline tries to connect again. */
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final String url;
    private final String masked;
    private final SqliteStore local;
    private final Replica replica;
    private final Clock clock;
    private final java.util.concurrent.Executor background;
    private final SyncService sync;
    private final CampaignRepository campaigns;
    private final CommunicationLogRepository communicationLog;
    private final SegmentRepository segments;
    private volatile MongoStore central;
    private volatile SyncEngine engine;
    private volatile String unreachable;
    private long lastAttempt = System.nanoTime() - RETRY_NANOS;
    private boolean closed;

    private ReplicaStore(String url, SqliteStore local, Clock clock, java.util.concurrent.Executor background) {
        this.background = background;
        this.url = url;
        this.masked = Secrets.maskUri(url);
        this.local = local;
        this.replica = new Replica(local.database());
        this.clock = clock;
        this.sync = new SyncService(replica, this, clock);
        this.campaigns = CentralOnly.of(CampaignRepository.class, () -> central == null ? null : central.campaigns());
        this.communicationLog = CentralOnly.of(CommunicationLogRepository.class,
                () -> central == null ? null : central.communicationLog());
        this.segments = CentralOnly.of(SegmentRepository.class, () -> central == null ? null : central.segments());
    }

    /**
     * Opens the replica for this MongoDB and connects. An empty replica is filled first (with
     * progress; interrupted, it goes on from where it was at the next opening) and needs MongoDB;
     * a replica that has synced before opens offline too.
     *
     * @throws StoreException when MongoDB cannot be used and the replica was never filled
     */
    public static ReplicaStore open(String url, Path dataDir, Clock clock, OpeningProgress progress) {
        return open(url, dataDir, clock, progress, Runnable::run);
    }

    /** @param background the app's executor: the first sync reads its next page there while it writes the last */
    public static ReplicaStore open(String url, Path dataDir, Clock clock, OpeningProgress progress,
                                    java.util.concurrent.Executor background) {
        SqliteStore local = SqliteStore.openFile(dataDir.resolve(fileName(url)), progress::upgrading);
        ReplicaStore store;
        try {
            store = new ReplicaStore(url, local, clock, background);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
        try {
            boolean synced = store.replica.state().synced();
            try {
                store.connect(synced ? MongoStore.PROBE_TIMEOUT_MS : StoreOpener.MONGO_TIMEOUT_MS);
            } catch (StoreException e) {
                if (!synced || !isUnreachable(e)) {
                    throw e;
                }
                store.unreachable = e.getMessage(); // offline: the window works on the replica and says so
            }
            if (!synced) {
                store.engine.firstSync(progress, () -> false);
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The replica file of a central database: one per server list and database name, whoever signs in. */
    static String fileName(String url) {
        String identity;
        try {
            ConnectionString cs = new ConnectionString(url);
            identity = String.join(",", cs.getHosts()) + "/" + (cs.getDatabase() != null ? cs.getDatabase()
                    : MongoStore.DEFAULT_DATABASE);
        } catch (IllegalArgumentException e) {
            identity = url;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "replica-" + HexFormat.of().formatHex(digest, 0, 6) + ".db";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUnreachable(StoreException e) {
        return e.getCause() instanceof MongoTimeoutException || e.getCause() instanceof MongoSocketException;
    }

    private synchronized void connect(long timeoutMs) {
        if (central != null || closed) {
            return;
        }
        lastAttempt = System.nanoTime();
        MongoStore connected = MongoStore.open(url, timeoutMs);
        engine = new SyncEngine(replica, connected.database(), connected.orders(), background);
        central = connected;
        unreachable = null;
    }

    /** The sync of this replica: status, pending, conflicts, "Sync now". */
    public SyncService sync() {
        return sync;
    }

    @Override
    public Optional<SyncEngine> engine() {
        if (central == null) {
            synchronized (this) {
                if (central == null && System.nanoTime() - lastAttempt >= RETRY_NANOS) {
                    try {
                        connect(MongoStore.PROBE_TIMEOUT_MS);
                    } catch (StoreException e) {
                        unreachable = e.getMessage();
                    }
                }
            }
        }
        return Optional.ofNullable(engine);
    }

    @Override
    public String unreachable() {
        String why = unreachable;
        return why != null ? why : "Cannot reach the MongoDB database at " + masked + ".";
    }

    /** Whether MongoDB answers now; while offline, a connection is tried (at most once a second). */
    @Override
    public boolean ping() {
        MongoStore c = central;
        if (c == null) {
            return engine().isPresent();
        }
        return c.ping();
    }

    @Override
    public String description() {
        return "MongoDB at " + masked.replaceFirst("^mongodb(\\+srv)?://", "");
    }

    @Override
    public CustomerRepository customers() {
        return local.customers();
    }

    @Override
    public CustomerRemovals customerRemovals() {
        return local.customerRemovals();
    }

    /** The builder's live counts run on the replica; a launch freezes its audience on MongoDB. */
    @Override
    public AudienceRepository audience() {
        return local.audience();
    }

    @Override
    public OrderRepository orders() {
        return local.orders();
    }

    @Override
    public CampaignRepository campaigns() {
        return campaigns;
    }

    @Override
    public CommunicationLogRepository communicationLog() {
        return communicationLog;
    }

    @Override
    public com.crmplatform.customer.ConsentRepository consent() {
        return local.consent();
    }

    @Override
    public SegmentRepository segments() {
        return segments;
    }

    @Override
    public void close() {
        MongoStore c;
        synchronized (this) {
            closed = true;
            c = central;
        }
        if (c != null) {
            c.close();
        }
        local.close();
    }
}
