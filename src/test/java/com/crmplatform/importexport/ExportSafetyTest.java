package com.crmplatform.importexport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.store.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export writes where the user asked and nowhere else. */
class ExportSafetyTest {

    @TempDir
    Path dir;
    Path data;
    SqliteStore store;
    CsvExporter exporter;

    @BeforeEach
    void open() {
        data = dir.resolve("data");
        store = SqliteStore.open(data);
        store.customers().insert(TestData.customer("Asha Rao", "asha@example.com"));
        exporter = new CsvExporter(store.customers(), store.orders(), data);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void exportRefusesTheStoreItselfAndAnythingInTheDataFolder() throws Exception {
        byte[] before = Files.readAllBytes(data.resolve("crm.db"));
        for (String name : new String[] {"crm.db", "crm.db-wal", "crm.db-shm", "new.csv", "logs/crm.csv"}) {
            Files.createDirectories(data.resolve("logs"));
            ImportException e = assertThrows(ImportException.class, () -> exporter.exportCustomers(data.resolve(name)));
            assertTrue(e.getMessage().contains("inside the CRM's data folder"), e.getMessage());
        }
        // also through another spelling of the same folder
        Path sneaky = dir.resolve("data/../data/./crm.db");
        assertThrows(ImportException.class, () -> exporter.exportOrders(sneaky));
        assertArrayEquals(before, Files.readAllBytes(data.resolve("crm.db")));
        assertEquals(1, store.customers().count(com.crmplatform.customer.CustomerQuery.all()));
    }

    @Test
    void exportNeverFollowsALinkNorWritesOverADevice() throws Exception {
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "precious");
        Path link = dir.resolve("out.csv");
        Files.createSymbolicLink(link, victim);
        ImportException e = assertThrows(ImportException.class, () -> exporter.exportCustomers(link));
        assertTrue(e.getMessage().contains("it is a link"), e.getMessage());
        // a link planted where the old exporter put its temporary file changes nothing either
        Path planted = dir.resolve("real.csv.part");
        Files.createSymbolicLink(planted, victim);
        exporter.exportCustomers(dir.resolve("real.csv"));
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.readString(dir.resolve("real.csv")).contains("asha@example.com"));
        if (Files.exists(Path.of("/dev/full"))) {
            ImportException dev = assertThrows(ImportException.class, () -> exporter.exportCustomers(Path.of("/dev/full")));
            assertTrue(dev.getMessage().contains("not an ordinary file"), dev.getMessage());
            assertTrue(Files.isRegularFile(Path.of("/dev/full")) == false);
        }
        assertThrows(ImportException.class, () -> exporter.exportCustomers(dir));
    }

    @Test
    void anExportIsOwnerOnlyAndLeavesNoTemporaryFileBehind() throws Exception {
        Path out = dir.resolve("customers.csv");
        exporter.exportCustomers(out);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
        ImportException e = assertThrows(ImportException.class, () -> exporter.exportCustomers(dir.resolve("no/such/folder.csv")));
        assertTrue(e.getMessage().contains("There is no folder"), e.getMessage());
        assertFalse(e.getMessage().contains(".part"), "the temporary file is not the user's business");
    }
}
