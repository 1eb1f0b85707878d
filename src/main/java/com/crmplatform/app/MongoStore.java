package com.crmplatform.app;

import com.crmplatform.store.mongo.MongoDocs;

import com.crmplatform.campaign.CampaignRepository;
import com.crmplatform.campaign.MongoCampaignRepository;
import com.crmplatform.config.Secrets;
import com.crmplatform.delivery.CommunicationLogRepository;
import com.crmplatform.delivery.MongoCommunicationLogRepository;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.order.MongoOrderRepository;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.segment.SegmentRepository;
import com.crmplatform.segment.AudienceRepository;
import com.crmplatform.order.CustomerRemovals;
import com.crmplatform.order.MongoCustomerRemovals;
import com.crmplatform.segment.MongoAudienceRepository;
import com.crmplatform.segment.MongoSegmentRepository;
import com.crmplatform.app.Store;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.mongo.MongoSchema;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/** The central store: a MongoDB replica set or Atlas cluster named by {@code MONGO_URL}. */
public final class MongoStore implements Store {

    public static final String DEFAULT_DATABASE = "crm-platform";

    private final MongoClient client;
    private final MongoDatabase database;
    private final String masked;
    private final CustomerRepository customers;
    private final MongoOrderRepository orders;
    private final MongoCampaignRepository campaigns;
    private final CommunicationLogRepository communicationLog;
    private final SegmentRepository segments;
    private final AudienceRepository audience;
    private final CustomerRemovals customerRemovals;

    private MongoStore(MongoClient client, MongoDatabase database, String masked) {
        this.client = client;
        this.database = database;
        this.masked = masked;
        MongoCollection<Document> customerCollection = database.getCollection("customers");
        this.orders = new MongoOrderRepository(database.getCollection("orders"), customerCollection, masked);
        MongoCustomerRepository customerRepository = new MongoCustomerRepository(customerCollection, masked);
        this.customers = customerRepository;
        this.audience = new MongoAudienceRepository(customerRepository);
        this.customerRemovals = new MongoCustomerRemovals(customerRepository, orders);
        this.orders.useAudience(audience);
        this.campaigns = new MongoCampaignRepository(database.getCollection("campaigns"),
                database.getCollection("communication_log"), audience, masked);
        this.communicationLog = new MongoCommunicationLogRepository(database.getCollection("communication_log"),
                database.getCollection("campaigns"), masked);
        this.segments = new MongoSegmentRepository(database.getCollection("segments"), masked);
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
            throw new StoreException("The MongoDB address " + masked + " is not a valid connection string ("
                    + Secrets.scrub(e.getMessage(), url) + "). It should look like mongodb://host:27017/crm-platform.");
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
            MongoSchema.apply(db);
            MongoStore store = new MongoStore(client, db, masked);
            store.orders.recoverInterruptedWrites();
            store.campaigns.recountRunning();
            return store;
        } catch (MongoException e) {
            client.close();
            throw MongoDocs.translate(e, masked);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public CustomerRemovals customerRemovals() {
        return customerRemovals;
    }

    @Override
    public AudienceRepository audience() {
        return audience;
    }

    @Override
    public CustomerRepository customers() {
        return customers;
    }

    @Override
    public OrderRepository orders() {
        return orders;
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
    public SegmentRepository segments() {
        return segments;
    }

    @Override
    public String description() {
        return "MongoDB " + masked;
    }

    @Override
    public boolean ping() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (MongoException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
