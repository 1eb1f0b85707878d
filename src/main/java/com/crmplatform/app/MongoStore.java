package com.crmplatform.app;

import com.crmplatform.campaign.MongoCampaignRepository;
import com.crmplatform.config.Secrets;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.delivery.MongoCommunicationLogRepository;
import com.crmplatform.order.MongoCustomerRemovals;
import com.crmplatform.order.MongoOrderRepository;
import com.crmplatform.segment.MongoAudienceRepository;
import com.crmplatform.segment.MongoSegmentRepository;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.mongo.MongoDocs;
import com.crmplatform.store.mongo.MongoSchema;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/** The central store: a MongoDB replica set or Atlas cluster named by {@code MONGO_URL}. */
public final class MongoStore extends AssembledStore {

    public static final String DEFAULT_DATABASE = "crm-platform";

    /** How long the connection check waits for an answer: a server gone is known within 2 seconds. */
    public static final int PROBE_TIMEOUT_MS = 1_500;

    private final MongoClient client;
    private final MongoDatabase database;
    private final String masked;
    private final MongoOrderRepository orders;
    private final ConnectionString address;
    private MongoClient probe;
    private boolean closed;

    private MongoStore(MongoClient client, MongoDatabase database, String masked, Repositories repositories,
                       ConnectionString address) {
        super(repositories);
        this.client = client;
        this.database = database;
        this.masked = masked;
        this.orders = (MongoOrderRepository) repositories.orders();
        this.address = address;
    }

    private static Repositories repositories(MongoDatabase database, String masked) {
        MongoCollection<Document> customerCollection = database.getCollection("customers");
        MongoOrderRepository orders = new MongoOrderRepository(database.getCollection("orders"), customerCollection, masked);
        MongoCustomerRepository customers = new MongoCustomerRepository(customerCollection, masked);
        MongoAudienceRepository audience = new MongoAudienceRepository(customers, database.getCollection("consent"));
        orders.useAudience(audience);
        com.crmplatform.customer.MongoConsentRepository consent = new com.crmplatform.customer.MongoConsentRepository(
                database.getCollection("consent"), masked);
        return new Repositories(customers, orders, new MongoCampaignRepository(database.getCollection("campaigns"),
                database.getCollection("communication_log"), audience, consent, masked),
                new MongoCommunicationLogRepository(database.getCollection("communication_log"),
                        database.getCollection("campaigns"), masked),
                new MongoSegmentRepository(database.getCollection("segments"), masked), audience,
                new MongoCustomerRemovals(customers, orders), consent);
    }

    /**
     * Whether a MongoDB answers at this address (a ping and a look at its schema version), without
     * writing anything: for "Test connection" in Settings.
     *
     * @return empty when it answers and this app can use it, else why not, in words
     */
    public static java.util.Optional<String> test(String url, long timeoutMs) {
        String masked = Secrets.maskUri(url);
        ConnectionString cs;
        try {
            cs = new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("The MongoDB address " + masked + " is not a valid connection string.");
        }
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS)
                        .readTimeout((int) timeoutMs, TimeUnit.MILLISECONDS)).build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoDatabase db = client.getDatabase(cs.getDatabase() != null ? cs.getDatabase() : DEFAULT_DATABASE);
            db.runCommand(new Document("ping", 1));
            int version = MongoSchema.version(db);
            return version > MongoSchema.LATEST ? java.util.Optional.of(com.crmplatform.store.Texts.get(
                    "store.schema.mongoNewer", version, MongoSchema.LATEST)) : java.util.Optional.empty();
        } catch (MongoException e) {
            return java.util.Optional.of(MongoDocs.translate(e, masked).getMessage());
        }
    }

    /**
     * Connects, creates the indexes and finishes order writes a crash interrupted.
     *
     * @param timeoutMs how long to look for a reachable server before saying it is unreachable
     */
    public static MongoStore open(String url, long timeoutMs) {
        return open(url, timeoutMs, MongoDocs.READ_TIMEOUT_SECONDS * 1000L);
    }

    /** @param readTimeoutMs how long one request may wait for the server's answer */
    public static MongoStore open(String url, long timeoutMs, long readTimeoutMs) {
        String masked = Secrets.maskUri(url);
        ConnectionString cs;
        try {
            cs = new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            // The driver's own words may quote the password (or a piece of it): not repeated here.
            throw new StoreException("The MongoDB address " + masked + " is not a valid connection string. "
                    + "It should look like mongodb://user:password@host:27017/crm-platform (with special characters "
                    + "in the password written as %XX).");
        }
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) Math.min(timeoutMs, 10_000), TimeUnit.MILLISECONDS)
                        // A server that stops answering (hung, or a dropped link with no reset) fails the
                        // request after this instead of waiting forever.
                        .readTimeout((int) readTimeoutMs, TimeUnit.MILLISECONDS))
                .build();
        MongoClient client = MongoClients.create(settings);
        try {
            MongoDatabase db = client.getDatabase(cs.getDatabase() != null ? cs.getDatabase() : DEFAULT_DATABASE);
            db.runCommand(new Document("ping", 1));
            MongoSchema.migrate(db);
            MongoStore store = new MongoStore(client, db, masked, repositories(db, masked), cs);
            store.orders.recoverInterruptedWrites();
            // Counters are never recounted while workers may be counting: a crash's uncounted batch is counted once.
            ((MongoCommunicationLogRepository) store.communicationLog()).countInterruptedBatches();
            return store;
        } catch (MongoException e) {
            client.close();
            throw MongoDocs.translate(e, masked);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The database itself, for the team-mode sync engine. */
    public MongoDatabase database() {
        return database;
    }

    @Override
    public String description() {
        return "MongoDB at " + masked.replaceFirst("^mongodb(\\+srv)?://", "");
    }

    /**
     * Whether the server answers a ping within {@link #PROBE_TIMEOUT_MS}. It asks over a client of
     * its own with short timeouts, so a server that went away is known within 2 seconds (not after
     * the main client's server selection) and the check never waits behind the app's own requests.
     */
    @Override
    public boolean ping() {
        for (int attempt = 1; ; attempt++) {
            try {
                probe().getDatabase(database.getName()).runCommand(new Document("ping", 1));
                return true;
            } catch (com.mongodb.MongoSocketReadException | com.mongodb.MongoSocketWriteException e) {
                if (attempt == 2) {
                    return false; // a connection cut while idle fails once; a second failure is the server gone
                }
            } catch (MongoException | IllegalStateException e) {
                return false; // unreachable, or the store was closed meanwhile
            }
        }
    }

    private synchronized MongoClient probe() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (probe == null) {
            probe = MongoClients.create(MongoClientSettings.builder().applyConnectionString(address)
                    .applyToClusterSettings(b -> b.serverSelectionTimeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS))
                    .applyToServerSettings(b -> b.heartbeatFrequency(500, TimeUnit.MILLISECONDS))
                    .applyToConnectionPoolSettings(b -> b.maxSize(1))
                    .applyToSocketSettings(b -> b.connectTimeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                            .readTimeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS))
                    .build());
        }
        return probe;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (probe != null) {
                probe.close();
            }
        }
        client.close();
    }
}
