package com.crmplatform.importexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.customer.Customer;
import com.crmplatform.store.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of an import of orders that have no id column, then the same import again. */
class ReimportAfterCrashTest {

    @TempDir
    Path dir;

    private Process importInChild(Path data, Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "com.crmplatform.desktop.Launcher",
                "--data-dir", data.toString(), "import", "orders", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void reimportAfterCrashAddsNothing() throws Exception {
        Path data = dir.resolve("data");
        int customers = 1_500;
        try (SqliteStore store = SqliteStore.open(data)) {
            List<Customer> list = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                list.add(TestData.customer("Customer " + i, "c" + i + "@example.com"));
            }
            store.customers().insertAbsent(list);
        }
        int rows = 60_000;
        StringBuilder csv = new StringBuilder("customerEmail,amount,orderDate,items\n");
        Random random = new Random(11);
        long paise = 0;
        for (int i = 0; i < rows; i++) {
            long amount = 100 + random.nextInt(500_000);
            paise += amount;
            csv.append('c').append(random.nextInt(customers)).append("@example.com,").append(amount / 100).append('.')
                    .append(String.format("%02d", amount % 100)).append(",2026-0").append(1 + random.nextInt(9)).append("-1")
                    .append(random.nextInt(9)).append(",Kurta x").append(1 + random.nextInt(3)).append('\n');
        }
        Path file = dir.resolve("orders-without-ids.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Process first = importInChild(data, file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crm.db"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count(c, "SELECT count(*) FROM orders") < 6_000 && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        first.destroyForcibly(); // SIGKILL mid-import
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));

        Process second = importInChild(data, file);
        JsonNode result = new ObjectMapper().readTree(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), result.toString());
        assertEquals(rows, result.get("created").asInt() + result.get("skipped").asInt(), result.toString());
        assertTrue(result.get("skipped").asInt() > 0, "what the killed run wrote is skipped: " + result);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crm.db"))) {
            assertEquals(rows, count(c, "SELECT count(*) FROM orders"), "every row once");
            assertEquals(paise, count(c, "SELECT sum(amount_paise) FROM orders"));
            assertEquals(paise, count(c, "SELECT sum(total_spend_paise) FROM customers"), "spend counted once");
            assertEquals(rows, count(c, "SELECT sum(visits) FROM customers"));
            assertEquals(0, count(c, "SELECT count(*) FROM customers c WHERE total_spend_paise <> "
                    + "(SELECT coalesce(sum(amount_paise), 0) FROM orders o WHERE o.customer_id = c.id)"));
        }
        Process third = importInChild(data, file);
        JsonNode again = new ObjectMapper().readTree(new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(third.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, again.get("created").asInt());
        assertEquals(rows, again.get("skipped").asInt());
    }
}
