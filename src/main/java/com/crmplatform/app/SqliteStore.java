package com.crmplatform.app;

import com.crmplatform.store.sqlite.SqliteSchema;

import com.crmplatform.store.sqlite.SqliteDatabase;

import com.crmplatform.campaign.CampaignRepository;
import com.crmplatform.campaign.SqliteCampaignRepository;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.delivery.CommunicationLogRepository;
import com.crmplatform.delivery.SqliteCommunicationLogRepository;
import com.crmplatform.customer.SqliteCustomerRepository;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.order.SqliteOrderRepository;
import com.crmplatform.segment.SegmentRepository;
import com.crmplatform.segment.AudienceRepository;
import com.crmplatform.order.CustomerRemovals;
import com.crmplatform.order.SqliteCustomerRemovals;
import com.crmplatform.segment.SqliteAudienceRepository;
import com.crmplatform.segment.SqliteSegmentRepository;
import com.crmplatform.app.Store;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local store: one SQLite file in the data directory. */
public final class SqliteStore implements Store {

    public static final String FILE_NAME = "crm.db";

    private final SqliteDatabase db;
    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final CampaignRepository campaigns;
    private final CommunicationLogRepository communicationLog;
    private final SegmentRepository segments;
    private final AudienceRepository audience;
    private final CustomerRemovals customerRemovals;

    private SqliteStore(SqliteDatabase db) {
        this.db = db;
        SqliteCustomerRepository customerRepository = new SqliteCustomerRepository(db);
        this.customers = customerRepository;
        this.audience = new SqliteAudienceRepository(customerRepository);
        this.customerRemovals = new SqliteCustomerRemovals(customerRepository);
        this.orders = new SqliteOrderRepository(db);
        this.campaigns = new SqliteCampaignRepository(db);
        this.communicationLog = new SqliteCommunicationLogRepository(db);
        this.segments = new SqliteSegmentRepository(db);
    }

    /** Opens (creating if needed) the store in {@code dataDir}, with its schema and indexes. */
    public static SqliteStore open(Path dataDir) {
        SqliteDatabase db = SqliteDatabase.open(dataDir.resolve(FILE_NAME));
        try {
            if (db.damage().isEmpty()) { // a damaged store is opened for rescue (export) only
                db.inTransaction(c -> {
                    SqliteSchema.apply(c);
                    return null;
                });
            }
            return new SqliteStore(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens the store for commands that only read (export, segment count): read-only when the
     * file or its folder cannot be written, else as {@link #open}.
     */
    public static SqliteStore openForReading(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file) && !(Files.isWritable(file) && Files.isWritable(dataDir))) {
            return new SqliteStore(SqliteDatabase.openReadOnly(file));
        }
        return open(dataDir);
    }

    /** The database itself, for work beside the repositories (the benchmarks' hand-written baselines). */
    public SqliteDatabase database() {
        return db;
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
        return "Local file " + db.file();
    }

    @Override
    public boolean ping() {
        return true;
    }

    /** Runs SQLite's optimizer on the statistics the planner uses; cheap, done at close. */
    @Override
    public void close() {
        try {
            db.read(c -> {
                try (var s = c.createStatement()) {
                    s.execute("PRAGMA optimize");
                }
                return null;
            });
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        db.close();
    }
}
