package com.crmplatform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.customer.Customer;
import com.crmplatform.order.LineItem;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.order.OrderStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing child JVM with SIGKILL and checks that every acknowledged write survived. */
class CrashDurabilityTest {

    @TempDir
    Path dir;

    private List<String[]> runAndKill(String mode, String email, int acksBeforeKill) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                dir.toString(), mode, email);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String[]> lines = new ArrayList<>();
        int acks = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line.split(" "));
                if (line.startsWith("ack ") && ++acks == acksBeforeKill) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
                    break;
                }
            }
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(acks >= acksBeforeKill, "the child wrote before it was killed (" + acks + ")");
        return lines;
    }

    @Test
    void everyAcknowledgedCustomerSurvivesKillDashNine() throws Exception {
        List<String[]> lines = runAndKill("customers", "-", 400);
        try (SqliteStore store = SqliteStore.open(dir)) {
            for (String[] ack : lines) {
                Customer c = store.customers().findById(ack[1]).orElseThrow(() -> new AssertionError("lost " + ack[1]));
                assertEquals(ack[2], c.email());
                assertEquals(ack[1], store.customers().findByEmail(ack[2].toUpperCase()).orElseThrow().id());
            }
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }

    @Test
    void ordersRetriedAfterACrashAreCountedExactlyOnce() throws Exception {
        Customer customer = TestData.customer("Retry Customer", "retry@example.com");
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.customers().insert(customer);
        }
        List<String[]> lines = runAndKill("orders", "retry@example.com", 300);
        try (SqliteStore store = SqliteStore.open(dir)) {
            // The client did not hear back about the last order(s): it sends every one it sent again.
            for (String[] line : lines) {
                if (line[0].equals("send")) {
                    Order again = new Order(line[1], customer.id(), customer.name(), customer.email(),
                            new BigDecimal(line[2]), LocalDate.parse(line[3]), List.of(new LineItem("Kurta", 2)),
                            OrderStatus.ACTIVE, TestData.AUDIT);
                    store.orders().create(again);
                }
            }
            List<Order> stored = store.orders().page(OrderQuery.ofCustomer(customer.id()), PageRequest.first(10_000)).items();
            long acked = lines.stream().filter(l -> l[0].equals("ack")).count();
            assertTrue(stored.size() >= acked);
            BigDecimal sum = stored.stream().map(Order::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
            Customer after = store.customers().findById(customer.id()).orElseThrow();
            assertEquals(sum, after.totalSpend(), "every stored order counted once");
            assertEquals(stored.size(), after.visits());
            for (String[] line : lines) {
                if (line[0].equals("ack")) {
                    assertTrue(store.orders().findById(line[1]).isPresent(), "acknowledged order " + line[1] + " kept");
                }
            }
        }
    }
}
