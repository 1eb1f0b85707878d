package com.crmplatform.importexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.order.OrderQuery;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImportTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    SqliteStore store;
    ExecutorService pipeline;
    CustomerImporter customers;
    OrderImporter orders;
    CsvExporter exporter;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("data"));
        pipeline = Executors.newCachedThreadPool();
        LocalUser user = new LocalUser("tester");
        customers = new CustomerImporter(store.customers(), user, CLOCK, pipeline).withConsent(store.consent());
        orders = new OrderImporter(store.orders(), store.customers(), user, CLOCK);
        exporter = new CsvExporter(store.customers(), store.orders(), null).withConsent(store.consent());
    }

    @AfterEach
    void close() {
        pipeline.shutdownNow();
        store.close();
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsBomQuotedCommasAndNewlinesBothDateFormsAndAnyHeaderCase() throws Exception {
        Path f = file("c.csv", "\uFEFFNAME,Email,Phone,CITY,TotalSpend,visits,LastPurchaseDate,Notes\n"
                + "\"Sharma, Priya\",priya@example.com,+91 98765 43210,Pune,\"12,500.50\",3,31/03/2026,\"likes\nsilk\"\n"
                + "Ravi Kumar,RAVI@example.com,,Delhi,₹ 700,1,2026-01-05,\n");
        ImportResult r = customers.importFile(f, ImportProgress.NONE);
        assertEquals(new ImportResult(2, 0, List.of(), false), r);
        Customer priya = store.customers().findByEmail("priya@example.com").orElseThrow();
        assertEquals("Sharma, Priya", priya.name());
        assertEquals(new BigDecimal("12500.50"), priya.totalSpend());
        assertEquals(LocalDate.of(2026, 3, 31), priya.lastPurchaseDate());
        assertEquals(new BigDecimal("700.00"), store.customers().findByEmail("ravi@example.com").orElseThrow().totalSpend());
    }

    @Test
    void badRowsAreRejectedWithTheirFileLineAndTheGoodOnesImported() throws Exception {
        Path f = file("bad.csv", "name,email,totalSpend,visits,lastPurchaseDate\n"
                + ",noname@example.com,1,1,\n"                    // 2: missing name
                + "Bad Email,not-an-email,1,1,\n"                 // 3
                + "\"Multi\nLine\",ml@example.com,-5,1,\n"         // 4-5: negative money
                + "Half Visit,half@example.com,1,2.5,\n"          // 6
                + "Leap,leap@example.com,1,1,30/02/2026\n"        // 7: impossible date
                + "Future,future@example.com,1,1,2027-01-01\n"    // 8
                + "Good One,good@example.com,10,1,01/02/2026\n");  // 9
        ImportResult r = customers.importFile(f, ImportProgress.NONE);
        assertEquals(1, r.created());
        assertEquals(List.of(2L, 3L, 4L, 6L, 7L, 8L), r.rejected().stream().map(ImportResult.Rejection::line).toList());
        assertTrue(r.rejected().get(0).reason().contains("Name is required"), r.rejected().get(0).reason());
        assertTrue(r.rejected().get(1).reason().contains("not-an-email"));
        assertTrue(r.rejected().get(2).reason().contains("negative"));
        assertTrue(r.rejected().get(3).reason().contains("whole number"));
        assertTrue(r.rejected().get(4).reason().contains("not a real date"));
        assertTrue(r.rejected().get(5).reason().contains("future"));
        assertEquals(1, store.customers().count(CustomerQuery.all()));
    }

    @Test
    void existingCustomersAreUpdatedByEmailKeepingWhatTheRowLeavesEmpty() throws Exception {
        customers.importFile(file("a.csv", "name,email,phone,city,totalSpend\nAsha Rao,asha@example.com,9876543210,Goa,100\n"),
                ImportProgress.NONE);
        ImportResult r = customers.importFile(file("b.csv",
                "name,email,city\nAsha R. Rao,ASHA@Example.com,Panaji\nNew Person,new@example.com,\nNew Person 2,NEW@example.com,\n"),
                ImportProgress.NONE);
        assertEquals(1, r.created());
        assertEquals(2, r.updated(), "Asha, and the second row with new@example.com");
        Customer asha = store.customers().findByEmail("asha@example.com").orElseThrow();
        assertEquals("Asha R. Rao", asha.name());
        assertEquals("Panaji", asha.city());
        assertEquals("9876543210", asha.phone());
        assertEquals(new BigDecimal("100.00"), asha.totalSpend());
        assertEquals("New Person 2", store.customers().findByEmail("new@example.com").orElseThrow().name());
    }

    @Test
    void previewWritesNothingAndCountsWhatImportWillDo() throws Exception {
        customers.importFile(file("a.csv", "name,email\nA,a@example.com\n"), ImportProgress.NONE);
        Path f = file("b.csv", "name,email\nA2,a@example.com\nB,b@example.com\nB again,b@example.com\n,x@example.com\n");
        ImportResult preview = customers.preview(f, ImportProgress.NONE);
        assertEquals(1, preview.created());
        assertEquals(2, preview.updated());
        assertEquals(1, preview.rejected().size());
        assertEquals(1, store.customers().count(CustomerQuery.all()));
        ImportResult done = customers.importFile(f, ImportProgress.NONE);
        assertEquals(new ImportResult(preview.created(), preview.updated(), preview.skipped(), preview.rejected(),
                preview.repeated(), preview.cancelled()), done, "the preview counted what the import did");
        assertEquals(List.of(new ImportResult.Change(2, "a@example.com", "A", false, List.of("Name: A → A2")),
                new ImportResult.Change(3, "b@example.com", "B again", true, List.of())), preview.sample());
    }

    @Test
    void aSpreadsheetsSemicolonsAndItsOwnColumnNamesAreRead() throws Exception {
        Path f = file("sc.csv", "Full Name;E-mail;Mobile;Total Spent;Last Order\n"
                + "Asha Rao;asha@example.com;+91 98200 11111;\"1,25,000\";31/03/2026\n");
        ImportResult r = customers.importFile(f, ImportProgress.NONE);
        assertEquals(1, r.created(), r.toString());
        Customer asha = store.customers().findByEmail("asha@example.com").orElseThrow();
        assertEquals("Asha Rao", asha.name());
        assertEquals("+91 98200 11111", asha.phone());
        assertEquals(0, new BigDecimal("125000").compareTo(asha.totalSpend()));
        assertEquals(java.time.LocalDate.of(2026, 3, 31), asha.lastPurchaseDate());
        // An alias never takes the place of the real column: the extra one is ignored, as before.
        ImportResult both = customers.importFile(file("both.csv", "name,email,Orders,visits\nVikram,v@example.com,9,4\n"),
                ImportProgress.NONE);
        assertEquals(1, both.created(), both.toString());
        assertEquals(4, store.customers().findByEmail("v@example.com").orElseThrow().visits());
        ImportException missing = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> customers.preview(file("x.csv", "Person;Where\nA;B\n"), ImportProgress.NONE));
        assertTrue(missing.getMessage().contains("its columns: Person, Where"), missing.getMessage());
    }

    @Test
    void aSemicolonFileMayUseTheCommaAsDecimalMark() throws Exception {
        Path f = file("eu.csv", "name;email;totalSpend\nA;a@example.com;1.500,50\nB;b@example.com;12,5\n"
                + "C;c@example.com;1,25,000\nD;d@example.com;1,500\nE;e@example.com;\u20b9 2.000,75\n");
        ImportResult r = customers.importFile(f, ImportProgress.NONE);
        assertEquals(5, r.created(), r.toString());
        assertEquals(0, new BigDecimal("1500.50").compareTo(store.customers().findByEmail("a@example.com").orElseThrow().totalSpend()));
        assertEquals(0, new BigDecimal("12.50").compareTo(store.customers().findByEmail("b@example.com").orElseThrow().totalSpend()));
        assertEquals(0, new BigDecimal("125000").compareTo(store.customers().findByEmail("c@example.com").orElseThrow().totalSpend()));
        assertEquals(0, new BigDecimal("1500").compareTo(store.customers().findByEmail("d@example.com").orElseThrow().totalSpend()));
        assertEquals(0, new BigDecimal("2000.75").compareTo(store.customers().findByEmail("e@example.com").orElseThrow().totalSpend()));
        ImportResult comma = customers.importFile(file("c.csv", "name,email,totalSpend\nF,f@example.com,\"12,5\"\n"),
                ImportProgress.NONE);
        assertEquals(1, comma.rejected().size(), "in a comma file a comma groups digits: 12,5 is a mistake");
    }

    @Test
    void aConsentColumnRecordsOptOutsAndExportWritesThemBack() throws Exception {
        Path f = file("consent.csv", "name,email,Marketing Consent\nAsha,asha@example.com,no\nRavi,ravi@example.com,yes\n"
                + "Meena,meena@example.com,\nGopal,gopal@example.com,maybe\n");
        ImportResult r = customers.importFile(f, ImportProgress.NONE);
        assertEquals(3, r.created());
        assertEquals(1, r.rejected().size());
        assertTrue(r.rejected().get(0).reason().startsWith("Consent \"maybe\" is neither subscribed nor unsubscribed"),
                r.rejected().get(0).reason());
        com.crmplatform.customer.Consent asha = store.consent().find("asha@example.com").orElseThrow();
        assertEquals(com.crmplatform.customer.Consent.State.UNSUBSCRIBED, asha.state());
        assertEquals("import of consent.csv", asha.how());
        assertEquals(com.crmplatform.customer.Consent.State.SUBSCRIBED,
                store.consent().find("ravi@example.com").orElseThrow().state());
        assertTrue(store.consent().find("meena@example.com").isEmpty(), "an empty cell records nothing");
        // A file never subscribes again who opted out, and the same state again keeps its record.
        ImportResult again = customers.importFile(file("again.csv", "name,email,consent\nAsha,asha@example.com,yes\n"
                + "Ravi,ravi@example.com,subscribed\n"), ImportProgress.NONE);
        assertEquals(1, again.optOutsKept());
        assertTrue(store.consent().find("asha@example.com").orElseThrow().unsubscribed());
        assertEquals("import of consent.csv", store.consent().find("ravi@example.com").orElseThrow().how());
        Path out = dir.resolve("out.csv");
        exporter.exportCustomers(out);
        List<String> lines = Files.readAllLines(out);
        assertEquals("name,email,phone,city,totalSpend,visits,lastPurchaseDate,consent", lines.get(0));
        assertTrue(lines.contains("Asha,asha@example.com,,,0.00,0,,unsubscribed"), lines.toString());
    }

    @Test
    void theUserSaysWhichColumnIsWhichWhenTheHeadersDoNot() throws Exception {
        Path f = file("es.csv", "Nombre,Correo,email,Visitas\nAsha,asha@example.com,old@example.com,3\n");
        MissingColumns missing = assertThrows(MissingColumns.class, () -> customers.preview(f, ImportProgress.NONE));
        assertEquals(List.of("name"), missing.missing());
        assertEquals(List.of("Nombre", "Correo", "email", "Visitas"), missing.fileColumns());
        assertEquals(java.util.Map.of("email", "email"), missing.matched());
        assertTrue(missing.getMessage().contains("--column name=\"Nombre\""), missing.getMessage());
        // The chosen column wins over one that names the field itself, which is then read as nothing.
        ColumnChoice choice = new ColumnChoice(java.util.Map.of("name", "nombre", "email", "Correo", "visits", "Visitas"));
        assertEquals(1, customers.preview(f, choice, ImportProgress.NONE).created());
        assertEquals(1, customers.importFile(f, choice, ImportProgress.NONE).created());
        Customer asha = store.customers().findByEmail("asha@example.com").orElseThrow();
        assertEquals("Asha", asha.name());
        assertEquals(3, asha.visits());
        ImportException absent = assertThrows(ImportException.class, () -> customers.preview(f,
                new ColumnChoice(java.util.Map.of("name", "Person")), ImportProgress.NONE));
        assertEquals("The file has no column \"Person\" to read name from (its columns: Nombre, Correo, email, Visitas).",
                absent.getMessage());
        ImportException twice = assertThrows(ImportException.class, () -> customers.preview(f,
                new ColumnChoice(java.util.Map.of("name", "Nombre", "city", "Nombre")), ImportProgress.NONE));
        assertTrue(twice.getMessage().contains("chosen for two fields"), twice.getMessage());
        ImportException unknown = assertThrows(ImportException.class, () -> customers.preview(f,
                new ColumnChoice(java.util.Map.of("nmae", "Nombre")), ImportProgress.NONE));
        assertTrue(unknown.getMessage().startsWith("\"nmae\" is not a column this import reads"), unknown.getMessage());
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() throws Exception {
        ImportException e = assertThrows(ImportException.class,
                () -> customers.importFile(file("x.csv", "person,where\nA,a@example.com\n"), ImportProgress.NONE));
        assertTrue(e.getMessage().contains("\"name\" column"), e.getMessage());
    }

    @Test
    void cancellingKeepsTheBatchesAlreadyWritten() throws Exception {
        StringBuilder csv = new StringBuilder("name,email\n");
        int rows = CustomerImporter.BATCH * 3;
        for (int i = 0; i < rows; i++) {
            csv.append("Person ").append(i).append(",p").append(i).append("@example.com\n");
        }
        AtomicInteger reports = new AtomicInteger();
        ImportResult r = customers.importFile(file("big.csv", csv.toString()), new ImportProgress() {
            @Override
            public void update(double done, int created, int updated, int rejected) {
                reports.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return reports.get() > 0; // the user pressed Cancel once the first batch was written
            }
        });
        assertTrue(r.cancelled());
        long stored = store.customers().count(CustomerQuery.all());
        assertEquals(r.created(), stored, "what is reported is what was written");
        assertTrue(stored >= CustomerImporter.BATCH, "the first batch stays written");
        assertTrue(stored < rows, "it stopped early");
    }

    @Test
    void exportedCustomersAndOrdersImportBackUnchanged() throws Exception {
        new DemoData(store.customers(), store.orders(), new LocalUser("seed"), CLOCK).seed(60, 150, 9, n -> { });
        Path c1 = dir.resolve("c1.csv");
        Path o1 = dir.resolve("o1.csv");
        assertEquals(60, exporter.exportCustomers(c1));
        assertEquals(150, exporter.exportOrders(o1));

        try (SqliteStore fresh = SqliteStore.open(dir.resolve("fresh"))) {
            LocalUser user = new LocalUser("tester");
            ImportResult rc = new CustomerImporter(fresh.customers(), user, CLOCK, pipeline).importFile(c1, ImportProgress.NONE);
            assertEquals(new ImportResult(60, 0, List.of(), false), rc);
            CsvExporter freshExporter = new CsvExporter(fresh.customers(), fresh.orders(), null);
            Path c2 = dir.resolve("c2.csv");
            freshExporter.exportCustomers(c2);
            assertEquals(Files.readString(c1), Files.readString(c2));

            OrderImporter freshOrders = new OrderImporter(fresh.orders(), fresh.customers(), user, CLOCK);
            assertEquals(150, freshOrders.importFile(o1, ImportProgress.NONE).created());
            assertEquals(0, freshOrders.importFile(o1, ImportProgress.NONE).created(), "same ids: nothing twice");
            Path o2 = dir.resolve("o2.csv");
            freshExporter.exportOrders(o2);
            assertEquals(Files.readString(o1), Files.readString(o2));
        }
    }

    @Test
    void ordersMoveTheirCustomersTotalsAndUnknownCustomersAreRejected() throws Exception {
        customers.importFile(file("c.csv", "name,email\nMeera,meera@example.com\n"), ImportProgress.NONE);
        ImportResult r = orders.importFile(file("o.csv", "customerEmail,amount,orderDate,items\n"
                + "MEERA@example.com,\"1,000.25\",2026-02-01,Saree x1\n"
                + "meera@example.com,99.75,15/03/2026,\n"
                + "ghost@example.com,10,2026-01-01,\n"
                + "meera@example.com,0,2026-01-01,\n"), ImportProgress.NONE);
        assertEquals(2, r.created());
        assertEquals(List.of(4L, 5L), r.rejected().stream().map(ImportResult.Rejection::line).toList());
        assertTrue(r.rejected().get(0).reason().contains("ghost@example.com"));
        Customer meera = store.customers().findByEmail("meera@example.com").orElseThrow();
        assertEquals(new BigDecimal("1100.00"), meera.totalSpend());
        assertEquals(2, meera.visits());
        assertEquals(LocalDate.of(2026, 3, 15), meera.lastPurchaseDate());
        assertEquals(2, store.orders().count(OrderQuery.ofCustomer(meera.id())));
    }
}
