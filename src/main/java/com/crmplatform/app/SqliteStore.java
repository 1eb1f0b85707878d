package com.crmplatform.app;

import com.crmplatform.campaign.SqliteCampaignRepository;
import com.crmplatform.customer.SqliteCustomerRepository;
import com.crmplatform.delivery.SqliteCommunicationLogRepository;
import com.crmplatform.order.SqliteCustomerRemovals;
import com.crmplatform.order.SqliteOrderRepository;
import com.crmplatform.segment.SqliteAudienceRepository;
import com.crmplatform.segment.SqliteSegmentRepository;
import com.crmplatform.store.sqlite.SqliteDatabase;
import com.crmplatform.store.sqlite.SqliteSchema;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local store: one SQLite file in the data directory. */
public final class SqliteStore extends AssembledStore {

    public static final String FILE_NAME = "crm.db";

    private final SqliteDatabase db;

    private SqliteStore(SqliteDatabase db) {
        super(repositories(db));
        this.db = db;
    }

    private static Repositories repositories(SqliteDatabase db) {
        SqliteCustomerRepository customers = new SqliteCustomerRepository(db);
        return new Repositories(customers, new SqliteOrderRepository(db), new SqliteCampaignRepository(db),
                new SqliteCommunicationLogRepository(db), new SqliteSegmentRepository(db), new SqliteAudienceRepository(customers),
                new SqliteCustomerRemovals(customers), new com.crmplatform.customer.SqliteConsentRepository(db));
    }

    /** Opens (creating if needed) the store in {@code dataDir}, with its schema and indexes. */
    public static SqliteStore open(Path dataDir) {
        return open(dataDir, () -> { });
    }

    /** @param upgrading told first when the file, written by an earlier version, is upgraded */
    public static SqliteStore open(Path dataDir, Runnable upgrading) {
        return openFile(dataDir.resolve(FILE_NAME), upgrading);
    }

    /** Opens (creating if needed) a store in this file: the local store, or a team-mode replica. */
    public static SqliteStore openFile(Path file) {
        return openFile(file, () -> { });
    }

    /** @param upgrading told first when the file, written by an earlier version, is upgraded */
    public static SqliteStore openFile(Path file, Runnable upgrading) {
        SqliteDatabase db = SqliteDatabase.open(file);
        try {
            if (db.damage().isEmpty()) { // a damaged store is opened for rescue (export) only
                SqliteSchema.migrate(db, upgrading);
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
        return openForReading(dataDir, () -> { });
    }

    /** @param upgrading told first when the file, written by an earlier version, is upgraded */
    public static SqliteStore openForReading(Path dataDir, Runnable upgrading) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file) && !(Files.isWritable(file) && Files.isWritable(dataDir))) {
            SqliteDatabase db = SqliteDatabase.openReadOnly(file);
            try {
                SqliteSchema.requireKnown(db);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return new SqliteStore(db);
        }
        return open(dataDir, upgrading);
    }

    /** The database itself, for work beside the repositories (the benchmarks' hand-written baselines). */
    public SqliteDatabase database() {
        return db;
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
