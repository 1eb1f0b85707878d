package com.crmplatform.importexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.Store;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.StoreFixture;
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
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What hostile or unlucky CSV files did to the stores, and what they do now; on SQLite and on MongoDB. */
class ImportHardeningTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture fixture;
    final ExecutorService pipeline = Executors.newCachedThreadPool();

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("sqlite", (Function<Path, StoreFixture>) d -> StoreFixture.sqlite(d.resolve("data"))),
                Arguments.of("mongodb", (Function<Path, StoreFixture>) d -> StoreFixture.mongo()));
    }

    @AfterEach
    void close() {
        pipeline.shutdownNow();
        if (fixture != null) {
            fixture.close();
        }
    }

    private Store open(Function<Path, StoreFixture> kind) {
        fixture = kind.apply(dir);
        return fixture.store();
    }

    private CustomerImporter customers(Store s) {
        return new CustomerImporter(s.customers(), new LocalUser("tester"), CLOCK, pipeline);
    }

    private OrderImporter orders(Store s) {
        return new OrderImporter(s.orders(), s.customers(), new LocalUser("tester"), CLOCK);
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static List<Customer> all(Store s) {
        return s.customers().page(CustomerQuery.all(), PageRequest.first(10_000)).items();
    }

    private static List<Order> allOrders(Store s) {
        return s.orders().page(OrderQuery.all(), PageRequest.first(10_000)).items();
    }

    /** Totals follow the active orders, for every customer. */
    private static void assertTotalsAreTheSumOfOrders(Store s) {
        for (Customer c : all(s)) {
            List<Order> mine = s.orders().page(OrderQuery.ofCustomer(c.id()), PageRequest.first(10_000)).items().stream()
                    .filter(Order::isActive).toList();
            BigDecimal sum = mine.stream().map(Order::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
            assertEquals(sum, c.totalSpend(), c.email());
            assertEquals(mine.size(), c.visits(), c.email());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aRepeatedEmailInOneFileUpdatesLikeAnUpdateAndIsFlagged(String name, Function<Path, StoreFixture> kind) throws Exception {
        Store s = open(kind);
        Path f = file("c.csv", """
                name,email,phone,city,totalSpend,visits,lastPurchaseDate
                Asha Rao,asha@example.com,+91 98765 43210,Pune,1500,3,2026-01-10
                Asha R.,ASHA@example.com,,,,,
                Ravi Kumar,ravi@example.com,,Delhi,,,
                """);
        ImportResult preview = customers(s).preview(f, ImportProgress.NONE);
        assertEquals(1, preview.repeated().size());
        assertEquals(new ImportResult.Repeat(3, 2, "ASHA@example.com"), preview.repeated().get(0));
        ImportResult r = customers(s).importFile(f, ImportProgress.NONE);
        assertEquals(2, r.created());
        assertEquals(1, r.updated(), "the repeat counts as an update of the first row");
        assertEquals(3, r.rows());
        assertEquals(List.of(new ImportResult.Repeat(3, 2, "ASHA@example.com")), r.repeated());
        Customer asha = s.customers().findByEmail("asha@example.com").orElseThrow();
        assertEquals("Asha R.", asha.name(), "a value in the later row wins");
        assertEquals("+91 98765 43210", asha.phone(), "an empty cell keeps what the earlier row said");
        assertEquals("Pune", asha.city());
        assertEquals(new BigDecimal("1500.00"), asha.totalSpend());
        assertEquals(3, asha.visits());
        assertEquals(LocalDate.of(2026, 1, 10), asha.lastPurchaseDate());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void reimportingAFileOfOrdersWithoutIdsAddsNothingAndSaysSo(String name, Function<Path, StoreFixture> kind) throws Exception {
        Store s = open(kind);
        customers(s).importFile(file("c.csv", "name,email\nAsha,asha@example.com\nRavi,ravi@example.com\n"), ImportProgress.NONE);
        Path f = file("o.csv", """
                customerEmail,amount,orderDate,items
                asha@example.com,500,2026-01-10,Kurta x1
                asha@example.com,500,2026-01-10,Kurta x1
                ravi@example.com,1200.50,2026-02-01,
                """);
        ImportResult first = orders(s).importFile(f, ImportProgress.NONE);
        assertEquals(3, first.created(), "two identical rows in one file are two orders");
        ImportResult preview = orders(s).preview(f, ImportProgress.NONE);
        assertEquals(0, preview.created());
        assertEquals(3, preview.skipped());
        ImportResult again = orders(s).importFile(f, ImportProgress.NONE);
        assertEquals(0, again.created());
        assertEquals(3, again.skipped(), "already imported");
        assertEquals(3, allOrders(s).size());
        assertEquals(new BigDecimal("1000.00"), s.customers().findByEmail("asha@example.com").orElseThrow().totalSpend());
        assertTotalsAreTheSumOfOrders(s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aRepeatedOrderIdInOneFileIsReportedNotDropped(String name, Function<Path, StoreFixture> kind) throws Exception {
        Store s = open(kind);
        customers(s).importFile(file("c.csv", "name,email\nAsha,asha@example.com\n"), ImportProgress.NONE);
        String id = "64b7f0c2a1b2c3d4e5f60718";
        ImportResult r = orders(s).importFile(file("o.csv", "customerEmail,amount,orderDate,id\n"
                + "asha@example.com,500,2026-01-10," + id + "\n" + "asha@example.com,900,2026-01-11," + id + "\n"),
                ImportProgress.NONE);
        assertEquals(1, r.created());
        assertEquals(1, r.rejected().size());
        assertEquals(3, r.rejected().get(0).line());
        assertTrue(r.rejected().get(0).reason().contains("already on line 2"), r.rejected().get(0).reason());
        assertEquals(2, r.rows(), "created + updated + skipped + rejected = rows");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void amountsAndTotalsPastTheLimitAreRejectedWithTheirLine(String name, Function<Path, StoreFixture> kind) throws Exception {
        Store s = open(kind);
        ImportResult c = customers(s).importFile(file("c.csv", "name,email,totalSpend,visits\n"
                + "Asha,asha@example.com,999999999999999,2\n" + "Big,big@example.com,1000000000000001,1\n"
                + "Many,many@example.com,10,2147483647\n"), ImportProgress.NONE);
        assertEquals(1, c.created());
        assertEquals(List.of(3L, 4L), c.rejected().stream().map(ImportResult.Rejection::line).toList());
        assertTrue(c.rejected().get(1).reason().contains("largest allowed"), c.rejected().get(1).reason());
        ImportResult o = orders(s).importFile(file("o.csv", "customerEmail,amount,orderDate\n"
                + "asha@example.com,90000000000000000,2026-01-10\n" + "asha@example.com,99999999999999999999,2026-01-10\n"
                + "asha@example.com,1000000000000,2026-01-10\n" + "asha@example.com,1,2026-01-11\n"), ImportProgress.NONE);
        assertEquals(List.of(2L, 3L, 4L), o.rejected().stream().map(ImportResult.Rejection::line).toList(), o.toString());
        assertTrue(o.rejected().get(0).reason().contains("largest allowed for one order"), o.rejected().get(0).reason());
        assertTrue(o.rejected().get(2).reason().contains("total spend past"), o.rejected().get(2).reason());
        assertEquals(1, o.created(), "₹1 more reaches the largest total exactly");
        Customer asha = s.customers().findByEmail("asha@example.com").orElseThrow();
        assertEquals(new BigDecimal("1000000000000000.00"), asha.totalSpend(), "the total is exact and never wraps round");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aFileUnreadablePartWayKeepsAndReportsEveryRowBeforeTheBadLine(String name, Function<Path, StoreFixture> kind)
            throws Exception {
        Store s = open(kind);
        StringBuilder b = new StringBuilder("name,email\n");
        int rows = 25_000;
        for (int i = 0; i < rows; i++) {
            b.append("Customer ").append(i).append(",c").append(i).append("@example.com\n");
        }
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "Bad \u00ff row,bad@example.com\nAfter,after@example.com\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Path f = dir.resolve("bad-bytes.csv");
        Files.write(f, all);
        for (int run = 0; run < 2; run++) { // the same answer every time
            ImportException e = assertThrows(ImportException.class, () -> customers(s).importFile(f, ImportProgress.NONE));
            assertTrue(e.getMessage().contains("before line 25,002 could not be read"), e.getMessage());
            assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
            assertTrue(e.getMessage().startsWith(run == 0 ? "25,000 rows were imported" : "25,000 rows were imported"),
                    e.getMessage());
            assertEquals(rows, s.customers().count(CustomerQuery.all()));
        }
        Path quote = file("quote.csv", "name,email\nAsha,asha@example.com\n\"Ravi,ravi@example.com\nMeena,meena@example.com\n");
        ImportException q = assertThrows(ImportException.class, () -> customers(s).importFile(quote, ImportProgress.NONE));
        assertTrue(q.getMessage().contains("before line 3 could not be read: a quoted value starts here and is never closed"),
                q.getMessage());
        assertTrue(s.customers().findByEmail("asha@example.com").isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void exportedFormulasAreNeutralisedAndComeBackUnchanged(String name, Function<Path, StoreFixture> kind) throws Exception {
        Store s = open(kind);
        customers(s).importFile(file("c.csv", """
                name,email,phone,city
                =HYPERLINK(\"http://x\"),a@example.com,+91 98765 43210,+cmd|' /C calc'!A0
                @SUM(1),b@example.com,,-2+3
                """), ImportProgress.NONE);
        Path out = dir.resolve("out.csv");
        new CsvExporter(s.customers(), s.orders(), null).exportCustomers(out);
        String csv = Files.readString(out);
        for (String line : csv.split("\n")) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0, "a spreadsheet would run: " + line);
            }
        }
        Store copy = StoreFixture.sqlite(dir.resolve("copy")).store();
        try {
            customers(copy).importFile(out, ImportProgress.NONE);
            assertEquals("=HYPERLINK(\"http://x\")", copy.customers().findByEmail("a@example.com").orElseThrow().name());
            assertEquals("+91 98765 43210", copy.customers().findByEmail("a@example.com").orElseThrow().phone());
            assertEquals("+cmd|' /C calc'!A0", copy.customers().findByEmail("a@example.com").orElseThrow().city());
            assertEquals("@SUM(1)", copy.customers().findByEmail("b@example.com").orElseThrow().name());
            assertEquals("-2+3", copy.customers().findByEmail("b@example.com").orElseThrow().city());
        } finally {
            copy.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void datesOutsideTheSaneRangeAndOverlongTextAreRefused(String name, Function<Path, StoreFixture> kind) throws Exception {
        Store s = open(kind);
        ImportResult r = customers(s).importFile(file("c.csv", "name,email,city,lastPurchaseDate\n"
                + "A,a@example.com,,0000-01-01\n" + "B,b@example.com,,0001-01-01\n" + "C,c@example.com,,1899-12-31\n"
                + "D,d@example.com," + "x".repeat(101) + ",\n" + "E,e@example.com,Pune,1900-01-01\n"), ImportProgress.NONE);
        assertEquals(1, r.created());
        assertEquals(List.of(2L, 3L, 4L, 5L), r.rejected().stream().map(ImportResult.Rejection::line).toList());
        assertTrue(r.rejected().get(0).reason().contains("between 1900-01-01 and 2100-12-31"), r.rejected().get(0).reason());
        assertTrue(r.rejected().get(3).reason().contains("City is longer than 100"), r.rejected().get(3).reason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void anOrderIdInCapitalsIsTheSameIdAndStoredRowsNeverCountAgainstTheLimit(String name, Function<Path, StoreFixture> kind)
            throws Exception {
        Store s = open(kind);
        customers(s).importFile(file("c.csv", "name,email,totalSpend\nAsha,asha@example.com,999999999999000\n"), ImportProgress.NONE);
        Path f = file("o.csv", "customerEmail,amount,orderDate,id\n"
                + "asha@example.com,1000,2024-01-01,65a1b2c3d4e5f60718293a4b\n"
                + "asha@example.com,20,2024-01-02,65A1B2C3D4E5F60718293A4B\n");
        ImportResult r = orders(s).importFile(f, ImportProgress.NONE);
        assertEquals(1, r.created());
        assertEquals(List.of(3L), r.rejected().stream().map(ImportResult.Rejection::line).toList());
        assertTrue(r.rejected().get(0).reason().contains("already on line 2"), r.rejected().get(0).reason());
        ImportResult again = orders(s).importFile(f, ImportProgress.NONE);
        assertEquals(1, again.skipped(), "at the largest total, a stored row is skipped, not refused: " + again);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void valuesThatLookEscapedOrHoldTheReplacementCharacterComeBackUnchanged(String name, Function<Path, StoreFixture> kind)
            throws Exception {
        Store s = open(kind);
        s.customers().insert(new com.crmplatform.customer.Customer(com.crmplatform.store.Ids.newId(), "'=1+1", "a@example.com",
                "", "Caf\uFFFD Town", new BigDecimal("0.00"), 0, null, com.crmplatform.store.TestData.AUDIT));
        Path out = dir.resolve("out.csv");
        new CsvExporter(s.customers(), s.orders(), null).exportCustomers(out);
        Store copy = StoreFixture.sqlite(dir.resolve("copy2")).store();
        try {
            ImportResult r = customers(copy).importFile(out, ImportProgress.NONE);
            assertEquals(1, r.created(), r.toString());
            assertEquals("'=1+1", copy.customers().findByEmail("a@example.com").orElseThrow().name());
            assertEquals("Caf\uFFFD Town", copy.customers().findByEmail("a@example.com").orElseThrow().city());
        } finally {
            copy.close();
        }
        ImportResult bad = customers(s).importFile(file("n.csv", "name,email,visits,totalSpend\nB,b@example.com,-2147483649,\n"
                + "C,c@example.com,,1.5.5\n"), ImportProgress.NONE);
        assertTrue(bad.rejected().get(0).reason().contains("cannot be negative"), bad.rejected().get(0).reason());
        assertTrue(bad.rejected().get(1).reason().contains("is not an amount"), bad.rejected().get(1).reason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void badCellsGetPreciseRefusals(String name, Function<Path, StoreFixture> kind) throws Exception {
        Store s = open(kind);
        ImportException dup = assertThrows(ImportException.class,
                () -> customers(s).importFile(file("d.csv", "name,email,EMAIL\nA,a@example.com,b@example.com\n"), ImportProgress.NONE));
        assertTrue(dup.getMessage().contains("column \"email\" twice (columns 2 and 3)"), dup.getMessage());
        ImportResult c = customers(s).importFile(file("c.csv", "name,email,totalSpend\n"
                + "A,a@example.com,₹\n" + "B,b@example.com,Rs.\n" + "C,c@example.com,\"1,5\"\n"
                + "D,d@example.com,\"1,25,000\"\n" + "E,e@example.com,1 lakh\n"), ImportProgress.NONE);
        assertEquals(List.of(2L, 3L, 4L), c.rejected().stream().map(ImportResult.Rejection::line).toList());
        assertTrue(c.rejected().get(0).reason().contains("has no number"), c.rejected().get(0).reason());
        assertTrue(c.rejected().get(2).reason().contains("commas only group digits"), c.rejected().get(2).reason());
        assertEquals(new BigDecimal("125000.00"), s.customers().findByEmail("d@example.com").orElseThrow().totalSpend());
        assertEquals(new BigDecimal("100000.00"), s.customers().findByEmail("e@example.com").orElseThrow().totalSpend());
        ImportResult o = orders(s).importFile(file("o.csv", "customerEmail,amount,orderDate,items\n"
                + "d@example.com,10,2026-01-10,x0\n" + "d@example.com,10,2026-01-10,Thing x-1\n"
                + "d@example.com,10,2026-01-10,Thing x2; Box X 3\n"), ImportProgress.NONE);
        assertEquals(List.of(2L, 3L), o.rejected().stream().map(ImportResult.Rejection::line).toList());
        assertTrue(o.rejected().get(0).reason().contains("\"x0\""), o.rejected().get(0).reason());
        assertTrue(o.rejected().get(1).reason().contains("quantity below 1"), o.rejected().get(1).reason());
        assertEquals(5, allOrders(s).get(0).items().stream().mapToInt(i -> i.quantity()).sum());
    }
}
