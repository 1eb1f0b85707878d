package com.crmplatform.importexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.order.OrderQuery;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random, damaged CSV files: whatever the input, an import either accounts for every row
 * (created + updated + skipped + rejected = rows) and leaves a sound store, or refuses with one
 * line and keeps exactly what it says it wrote.
 */
class ImportFuzzTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    static final Pattern WROTE = Pattern.compile("^([\\d,]+) rows? (?:was|were) imported before line");
    static final String[] CELLS = {"", " ", "Asha Rao", "a@example.com", "A@EXAMPLE.COM", "b@example.com", "not-an-email",
        "1500", "1,500.50", "₹", "Rs. 300", "1,5", "-4", "99999999999999999999", "2147483647", "3", "2.5", "2026-01-10",
        "31/03/2024", "0000-01-01", "+99999-01-01", "=HYPERLINK(\"x\")", "'=1+1", "\"quoted, comma\"", "x0", "Shirt x2",
        "Thing x-1", "ACTIVE", "CANCELLED", "bogus", "\u0000", "\t", "\uFEFF", "Pune", "x".repeat(300), "64b7f0c2a1b2c3d4e5f60718"};
    static final String[] CUSTOMER_HEADERS = {"name", "email", "phone", "city", "totalSpend", "visits", "lastPurchaseDate", "extra"};
    static final String[] ORDER_HEADERS = {"customerEmail", "amount", "orderDate", "items", "status", "id"};

    @TempDir
    Path dir;

    private static String randomCsv(Random r, String[] headers) {
        StringBuilder b = new StringBuilder();
        int columns = r.nextInt(6) == 0 ? 1 + r.nextInt(headers.length) : headers.length - r.nextInt(2);
        for (int c = 0; c < columns; c++) {
            b.append(c > 0 ? "," : "").append(r.nextInt(12) == 0 ? headers[r.nextInt(headers.length)] : headers[c]);
        }
        String[] names = b.toString().split(",");
        b.append(r.nextBoolean() ? "\n" : "\r\n");
        int rows = r.nextInt(25);
        for (int i = 0; i < rows; i++) {
            int cells = r.nextInt(8) == 0 ? r.nextInt(columns + 2) : columns;
            for (int c = 0; c < cells; c++) {
                String h = c < names.length ? names[c] : "";
                b.append(c > 0 ? "," : "").append(r.nextInt(4) == 0 ? CELLS[r.nextInt(CELLS.length)] : good(r, h));
            }
            b.append('\n');
        }
        String s = b.toString();
        int damage = r.nextInt(4);
        for (int d = 0; d < damage && !s.isEmpty(); d++) {
            int at = r.nextInt(s.length());
            String junk = switch (r.nextInt(4)) {
                case 0 -> "\"";
                case 1 -> ",";
                case 2 -> "\n";
                default -> String.valueOf((char) r.nextInt(0x2FF));
            };
            s = s.substring(0, at) + junk + s.substring(at + (r.nextBoolean() ? 1 : 0));
        }
        return s;
    }

    /** A value that fits the column, with emails drawn from a few so that rows repeat. */
    private static String good(Random r, String column) {
        return switch (column) {
            case "name" -> "Customer " + r.nextInt(100);
            case "email", "customerEmail" -> (char) ('a' + r.nextInt(4)) + "@example.com";
            case "phone" -> "+91 98765 " + (10_000 + r.nextInt(89_999));
            case "city" -> r.nextBoolean() ? "Pune" : "";
            case "totalSpend", "amount" -> (1 + r.nextInt(99_999)) + "." + r.nextInt(10) + "0";
            case "visits" -> String.valueOf(r.nextInt(50));
            case "lastPurchaseDate", "orderDate" -> "2026-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10);
            case "items" -> "Kurta x" + (1 + r.nextInt(3));
            case "status" -> r.nextInt(5) == 0 ? "CANCELLED" : "ACTIVE";
            case "id" -> r.nextBoolean() ? "" : String.format("%024x", r.nextInt(30));
            default -> "";
        };
    }

    /** How many non-blank records the file holds, as a CSV reader sees it; -1 when it cannot be read. */
    private static int records(String csv) {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false)
                        .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get()).get()) {
            int n = 0;
            for (CSVRecord rec : p) {
                boolean blank = true;
                for (int i = 0; i < Math.min(rec.size(), p.getHeaderNames().size()); i++) {
                    blank &= rec.get(i).isBlank();
                }
                n += blank ? 0 : 1;
            }
            return n;
        } catch (Exception e) {
            return -1;
        }
    }

    private static void assertSound(Path db) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement()
                .executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }

    @Test
    void everyRowIsAccountedForOrTheRefusalSaysWhatWasKept() throws Exception {
        Random r = new Random(20261130);
        ExecutorService pipeline = Executors.newCachedThreadPool();
        try {
            for (int round = 0; round < 300; round++) {
                Path data = dir.resolve("store-" + round);
                boolean orders = r.nextInt(3) == 0;
                String csv = randomCsv(r, orders ? ORDER_HEADERS : CUSTOMER_HEADERS);
                Path file = dir.resolve("fuzz-" + round + ".csv");
                byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
                if (r.nextInt(6) == 0 && bytes.length > 0) { // a byte that is not UTF-8
                    bytes[r.nextInt(bytes.length)] = (byte) (r.nextBoolean() ? 0xFF : 0xC3);
                }
                Files.write(file, bytes);
                try (SqliteStore store = SqliteStore.open(data)) {
                    if (orders) {
                        new CustomerImporter(store.customers(), new LocalUser("f"), CLOCK, pipeline).importFile(write(dir.resolve(
                                "seed.csv"), "name,email\nA,a@example.com\nB,b@example.com\nC,c@example.com\n"), ImportProgress.NONE);
                    }
                    long before = orders ? store.orders().count(OrderQuery.all()) : store.customers().count(CustomerQuery.all());
                    try {
                        ImportResult result = orders
                                ? new OrderImporter(store.orders(), store.customers(), new LocalUser("f"), CLOCK).importFile(file, ImportProgress.NONE)
                                : new CustomerImporter(store.customers(), new LocalUser("f"), CLOCK, pipeline).importFile(file, ImportProgress.NONE);
                        long after = orders ? store.orders().count(OrderQuery.all()) : store.customers().count(CustomerQuery.all());
                        assertEquals(result.created(), after - before, "created is what was written\n" + csv);
                        int expected = records(new String(bytes, StandardCharsets.UTF_8));
                        if (expected >= 0) {
                            assertEquals(expected, result.rows(), "every row is in one count\n" + csv + "\n" + result);
                        }
                    } catch (ImportException e) {
                        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
                        long after = orders ? store.orders().count(OrderQuery.all()) : store.customers().count(CustomerQuery.all());
                        Matcher m = WROTE.matcher(e.getMessage());
                        if (m.find()) {
                            assertTrue(after - before <= Long.parseLong(m.group(1).replace(",", "")), e.getMessage());
                        } else {
                            assertEquals(before, after, "a refusal changes nothing: " + e.getMessage() + "\n" + csv);
                        }
                    } catch (RuntimeException e) {
                        fail("round " + round + " threw " + e + " for\n" + csv, e);
                    }
                }
                assertSound(data.resolve(SqliteStore.FILE_NAME));
            }
        } finally {
            pipeline.shutdownNow();
        }
    }

    private static Path write(Path f, String s) throws Exception {
        Files.writeString(f, s);
        return f;
    }
}
