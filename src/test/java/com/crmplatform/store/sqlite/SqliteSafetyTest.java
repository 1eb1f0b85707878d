package com.crmplatform.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.config.DataDirectory;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.customer.SqliteCustomerRepository;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.TestData;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store when its file is damaged, its disk full, its folder read-only or readable by others. */
class SqliteSafetyTest {

    @TempDir
    Path dir;

    private static List<Customer> customers(int n) {
        List<Customer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(TestData.customer("Customer " + i, "c" + i + "@example.com"));
        }
        return list;
    }

    @Test
    void aStoreDamagedInTheMiddleIsFoundAtOpeningAndNeverWritten() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.customers().insertAbsent(customers(3_000));
        }
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[4096];
            new Random(7).nextBytes(noise);
            f.seek(f.length() / 2 / 4096 * 4096);
            f.write(noise);
        }
        try (SqliteStore store = SqliteStore.open(dir)) {
            StoreException e = assertThrows(StoreException.class,
                    () -> store.customers().insert(TestData.customer("New One", "new@example.com")));
            assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
            assertTrue(e.getMessage().contains("Restore a backup"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void aFullDiskSaysSoInsteadOfANoTransactionError() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("full.db"))) {
            db.inTransaction(c -> {
                SqliteSchema.apply(c);
                return null;
            });
            db.read(c -> {
                long pages;
                try (var rs = c.createStatement().executeQuery("PRAGMA page_count")) {
                    rs.next();
                    pages = rs.getLong(1);
                }
                c.createStatement().execute("PRAGMA max_page_count = " + (pages + 3));
                return null;
            });
            SqliteCustomerRepository repo = new SqliteCustomerRepository(db);
            StoreException e = assertThrows(StoreException.class, () -> repo.insertAbsent(customers(5_000)));
            assertTrue(e.getMessage().contains("is full"), e.getMessage());
            assertFalse(e.getMessage().contains("no transaction"), e.getMessage());
            assertEquals(0, repo.count(CustomerQuery.all()), "the batch was rolled back whole");
        }
    }

    @Test
    void aStoreThatCannotBeWrittenIsStillReadable() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.customers().insertAbsent(customers(10));
        }
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        try (SqliteDatabase db = SqliteDatabase.openReadOnly(file)) {
            SqliteCustomerRepository repo = new SqliteCustomerRepository(db);
            assertEquals(10, repo.count(CustomerQuery.all()));
            StoreException e = assertThrows(StoreException.class, () -> repo.insert(TestData.customer("X", "x@example.com")));
            assertTrue(e.getMessage().contains("cannot be opened for writing"), e.getMessage());
        }
        StoreException missing = assertThrows(StoreException.class, () -> SqliteDatabase.openReadOnly(dir.resolve("nope.db")));
        assertTrue(missing.getMessage().contains("There is no CRM database"), missing.getMessage());
    }

    @Test
    void theDataFolderAndEverythingInItIsPrivateToItsOwner() throws Exception {
        Path data = dir.resolve("data");
        try (SqliteStore store = SqliteStore.open(data)) {
            store.customers().insert(TestData.customer("Asha Rao", "asha@example.com"));
            assertEquals("rw-------", mode(data.resolve("crm.db")), "the store is owner-only from its first write");
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("crm.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(data.resolve("logs"));
        Files.setPosixFilePermissions(data.resolve("logs"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(data.resolve("logs/crm.log"), "log");
        Files.setPosixFilePermissions(data.resolve("logs/crm.log"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(data.resolve("session.json"), "{}");
        Files.setPosixFilePermissions(data.resolve("session.json"), PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = DataDirectory.secure(data);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("session.json"), warnings.get(0));
        assertEquals("rwx------", mode(data));
        assertEquals("rw-------", mode(data.resolve("crm.db")));
        assertEquals("rwx------", mode(data.resolve("logs")));
        assertEquals("rw-------", mode(data.resolve("logs/crm.log")));
        assertEquals("rw-------", mode(data.resolve("session.json")));
        assertTrue(DataDirectory.secure(data).isEmpty(), "nothing to repair the second time");
        Path fresh = dir.resolve("fresh");
        DataDirectory.secure(fresh);
        assertEquals("rwx------", mode(fresh));
    }

    @Test
    void aDataFolderPointedAtAFolderOfOtherThingsChangesNothingInIt() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/tool"), "#!/bin/sh");
        Files.setPosixFilePermissions(home.resolve("bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("report.txt"), "mine");
        Files.setPosixFilePermissions(home.resolve("report.txt"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(home.resolve("logs"));
        Files.setPosixFilePermissions(home.resolve("logs"), PosixFilePermissions.fromString("rwxrwxr-x"));
        Files.writeString(home.resolve(".env"), "MINE=1");
        Files.setPosixFilePermissions(home.resolve(".env"), PosixFilePermissions.fromString("rw-r--r--"));
        DataDirectory.secure(home);
        assertEquals("rwxr-xr-x", mode(home), "the folder is not the app's to close");
        assertEquals("rwxr-xr-x", mode(home.resolve("bin/tool")));
        assertEquals("rw-r--r--", mode(home.resolve("report.txt")));
        assertEquals("rwxrwxr-x", mode(home.resolve("logs")), "someone else's logs folder");
        assertEquals("rw-r--r--", mode(home.resolve(".env")), "someone else's .env");
        try (SqliteStore store = SqliteStore.open(home)) {
            assertEquals("rw-------", mode(home.resolve("crm.db")), "the store itself is private wherever it is");
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
