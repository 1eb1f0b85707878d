package com.crmplatform.store.sqlite;

import com.crmplatform.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One SQLite file and the one connection the app uses on it. Calls are serialised by a lock;
 * SQLite answers indexed reads in well under a millisecond, so a queue is not a bottleneck, and
 * a single writer connection is what SQLite wants anyway. See docs/adr/0002 for the journal
 * settings (WAL, synchronous=FULL: an acknowledged commit survives a crash of the app).
 */
public final class SqliteDatabase implements AutoCloseable {

    /** A unit of work on the connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    static final int BUSY_TIMEOUT_MS = 5_000;
    /** How long the damage check at opening may take; a huge file is checked as far as it gets. */
    static final long QUICK_CHECK_MS = 1_500;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final String damage;

    private SqliteDatabase(Path file, Connection connection, String damage) {
        this.file = file;
        this.connection = connection;
        this.damage = damage;
    }

    public static SqliteDatabase open(Path file) {
        return open(file, SQLiteConfig.SynchronousMode.FULL);
    }

    /**
     * Opens an existing store for reading only (a read-only folder or file, e.g. a backup on a
     * mounted share): nothing is created, no schema is applied, writes fail.
     */
    public static SqliteDatabase openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("There is no CRM database at " + file + ".");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setCacheSize(-256_000);
        Connection connection = null;
        try {
            try {
                connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                connection.createStatement().execute("PRAGMA schema_version");
            } catch (SQLException e) {
                closeQuietly(connection);
                // A WAL file in a read-only folder cannot get its shared-memory index: read it as a
                // file nobody is changing, which it is (no one can write there).
                connection = config.createConnection("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getPath()
                        + "?immutable=1");
                connection.createStatement().execute("PRAGMA schema_version");
            }
            return new SqliteDatabase(file, connection, quickCheck(connection));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw translate(e, file);
        }
    }

    /**
     * @param sync FULL for the app's store (survives power loss); NORMAL where surviving a crash of
     *             the process is enough (the simulated vendor's ledger)
     */
    public static SqliteDatabase open(Path file, SQLiteConfig.SynchronousMode sync) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (Exception e) {
            throw new StoreException("Cannot create the data directory " + file.getParent()
                    + ". Check that it is writable, or choose another with --data-dir.", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(sync);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-256_000); // 256 MB page cache at most: a million customers and their indexes stay hot
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                // Touches the file, so a corrupt or foreign file is found now, not at the first query.
                s.execute("PRAGMA schema_version");
            }
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                ownerOnly(file.resolveSibling(file.getFileName() + suffix));
            }
            return new SqliteDatabase(file, connection, quickCheck(connection));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw translate(e, file);
        }
    }

    /** The file private to its owner (SQLite gives its -wal and -shm files the same mode). */
    private static void ownerOnly(Path file) {
        try {
            if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView("posix")) {
                java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                java.util.Set<java.nio.file.attribute.PosixFilePermission> wanted =
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
                if (!mode.equals(wanted)) {
                    Files.setPosixFilePermissions(file, wanted);
                }
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // not ours to change (a shared read-only file): the folder's mode protects it
        }
    }

    public Path file() {
        return file;
    }

    /**
     * SQLite's quick_check, stopped after {@link #QUICK_CHECK_MS} (what it got through is checked).
     *
     * @return null when nothing damaged was found, else SQLite's first finding
     */
    private static String quickCheck(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + QUICK_CHECK_MS * 1_000_000;
        ProgressHandler.setHandler(connection, 10_000, new ProgressHandler() {
            @Override
            protected int progress() {
                return System.nanoTime() > deadline ? 1 : 0;
            }
        });
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
            String first = rs.next() ? rs.getString(1) : "ok";
            return "ok".equalsIgnoreCase(first) ? null : first;
        } catch (SQLException e) {
            SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
            if (code != null && code.name().startsWith("SQLITE_INTERRUPT")) {
                return null; // out of time: the rest is checked by every read that touches it
            }
            if (code != null && (code.name().startsWith("SQLITE_CORRUPT") || code.name().startsWith("SQLITE_NOTADB"))) {
                return e.getMessage();
            }
            throw e;
        } finally {
            ProgressHandler.clearHandler(connection);
        }
    }

    /** What the check at opening found wrong, if anything; a damaged store is read but never written. */
    public java.util.Optional<String> damage() {
        return java.util.Optional.ofNullable(damage);
    }

    private void refuseWritesWhenDamaged() {
        if (damage != null) {
            throw new StoreException("The local database " + file + " is damaged (" + damage.replaceAll("\\s+", " ").strip()
                    + "), so nothing is written to it. Restore a backup of crm.db, or move it aside and start with a "
                    + "fresh data folder; export customers and orders first if they can still be read.");
        }
    }

    /** Runs read-only work. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction: all of it is committed (durably) or none of it. */
    public <T> T inTransaction(SqlWork<T> work) {
        refuseWritesWhenDamaged();
        lock.lock();
        try {
            boolean outer = connection.getAutoCommit();
            if (!outer) {
                return work.run(connection); // already inside a transaction of this thread
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            } finally {
                restoreAutoCommit(); // after a failed commit this fails too; the first failure is the one to report
            }
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // SQLite already ended the transaction that failed
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeQuietly(connection);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // closing on the way out
        }
    }

    /** Turns SQLite's codes into what the user can act on. */
    public static StoreException translate(SQLException e, Path file) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        String base = code == null ? "" : code.name();
        if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
            return new StoreException("The local database " + file + " is locked by another program "
                    + "(another CRM window, or an import on the command line). Wait for it to finish, "
                    + "or close it, and try again.", e);
        }
        if (base.startsWith("SQLITE_CORRUPT") || base.startsWith("SQLITE_NOTADB")) {
            return new StoreException("The local database " + file + " is damaged or is not a CRM "
                    + "database. Move the file aside and restore a backup, or start with a fresh data "
                    + "directory (--data-dir).", e);
        }
        if (base.startsWith("SQLITE_FULL")) {
            return new StoreException("The disk holding " + file + " is full. Free some space and try again; "
                    + "nothing you entered was lost.", e);
        }
        if (base.startsWith("SQLITE_READONLY") || base.startsWith("SQLITE_CANTOPEN")
                || base.startsWith("SQLITE_PERM")) {
            return new StoreException("The local database " + file + " cannot be opened for writing. "
                    + "Check the file's permissions, or choose another data directory (--data-dir).", e);
        }
        return new StoreException("The local database failed: " + e.getMessage(), e);
    }
}
