package com.crmplatform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.config.ConfigLoader;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private Run run(String... args) {
        return runWith(Map.of(), args);
    }

    private Run runWith(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConfigLoader loader = new ConfigLoader(env, null, "Linux", dir.toString());
        int code = Cli.run(loader, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void seedIsDeterministicAndTotalsAreExactlyTheSumOfTheOrders() throws Exception {
        Run r = run("--data-dir", dir.resolve("a").toString(), "seed", "--customers", "40", "--orders", "300",
                "--random-seed", "5");
        assertEquals(0, r.code(), r.err());
        assertEquals("{\"customers\":40,\"orders\":300}", r.out().strip());
        run("--data-dir", dir.resolve("b").toString(), "seed", "--customers", "40", "--orders", "300", "--random-seed", "5");
        try (SqliteStore a = SqliteStore.open(dir.resolve("a")); SqliteStore b = SqliteStore.open(dir.resolve("b"))) {
            List<Customer> as = a.customers().page(CustomerQuery.all(), PageRequest.first(100)).items();
            List<Customer> bs = b.customers().page(CustomerQuery.all(), PageRequest.first(100)).items();
            assertEquals(as.stream().map(c -> c.email() + c.totalSpend()).toList(),
                    bs.stream().map(c -> c.email() + c.totalSpend()).toList(), "same seed, same data");
            Map<String, BigDecimal> sums = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            Page<Order> page = a.orders().page(OrderQuery.all(), PageRequest.first(1000));
            for (Order o : page.items()) {
                sums.merge(o.customerId(), o.amount(), BigDecimal::add);
                counts.merge(o.customerId(), 1, Integer::sum);
            }
            for (Customer c : as) {
                assertEquals(sums.getOrDefault(c.id(), new BigDecimal("0.00")), c.totalSpend(), c.name());
                assertEquals(counts.getOrDefault(c.id(), 0), c.visits());
            }
        }
    }

    @Test
    void importPrintsOneJsonLineWithRejectedRowsAndGlobalOptionsMayFollowTheSubcommand() throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "name,email\nGood,good@example.com\nBad,bad@\n");
        Run r = run("import", "customers", csv.toString(), "--data-dir", dir.resolve("d").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count());
        JsonNode j = r.json();
        assertEquals(1, j.get("created").asInt());
        assertEquals(0, j.get("updated").asInt());
        assertEquals(3, j.get("rejected").get(0).get("line").asInt());
        assertTrue(j.get("rejected").get(0).get("reason").asText().contains("bad@"));
    }

    @Test
    void importReadsTheColumnsTheUserNamesWhenTheHeadersDoNotSay() throws Exception {
        Path csv = dir.resolve("es.csv");
        Files.writeString(csv, "Nombre,Correo\nAsha,asha@example.com\n");
        String data = dir.resolve("d").toString();
        Run refused = run("--data-dir", data, "import", "customers", csv.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().startsWith("error: The file has no \"name\" column and no \"email\" column (its columns: "
                + "Nombre, Correo). Say which column is which (on the command line: --column name=\"Nombre\")"), refused.err());
        Run r = run("--data-dir", data, "import", "customers", csv.toString(), "--column", "name=Nombre",
                "--column", "email=Correo");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.json().get("created").asInt());
    }

    @Test
    void unsubscribeRecordsTheOptOutAndCampaignsLeaveTheAddressOut() throws Exception {
        String data = dir.resolve("u").toString();
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "name,email,totalSpend\nAsha,asha@example.com,500\nRavi,ravi@example.com,900\n");
        assertEquals(0, run("--data-dir", data, "import", "customers", csv.toString()).code());
        Run u = run("--data-dir", data, "unsubscribe", "ASHA@example.com", "--how", "reply to the Diwali email");
        assertEquals(0, u.code(), u.err());
        assertEquals("unsubscribed", u.json().get("state").asText());
        assertEquals("asha@example.com", u.json().get("email").asText());
        assertTrue(u.json().get("how").asText().startsWith("reply to the Diwali email, by "), u.out());
        String rule = "{\"op\":\"AND\",\"rules\":[{\"field\":\"totalSpend\",\"operator\":\">\",\"value\":0}]}";
        Run count = run("--data-dir", data, "segment", "count", rule);
        assertEquals(2, count.json().get("count").asInt());
        assertEquals(1, count.json().get("unsubscribed").asInt());
        Run created = run("--data-dir", data, "campaign", "create", "--name", "Diwali", "--rules", rule, "--message", "Hi {name}");
        assertEquals(1, created.json().get("audienceSize").asInt(), created.err());
        Run bad = run("--data-dir", data, "unsubscribe", "not-an-email");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("error: "), bad.err());
    }

    @Test
    void exportWritesWhatImportReadsBack() throws Exception {
        String data = dir.resolve("e").toString();
        run("--data-dir", data, "seed", "--customers", "25", "--orders", "50");
        Path file = dir.resolve("out.csv");
        Run r = run("--data-dir", data, "export", "customers", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(25, r.json().get("exported").asInt());
        Run again = run("--data-dir", data, "import", "customers", file.toString());
        assertEquals(0, again.json().get("created").asInt());
        assertEquals(25, again.json().get("updated").asInt());
    }

    @Test
    void errorsAreOneLineOnStderrWithANonZeroCode() {
        Run missing = run("--data-dir", dir.toString(), "import", "customers", dir.resolve("nope.csv").toString());
        assertEquals(1, missing.code());
        assertEquals("", missing.out());
        assertEquals(1, missing.err().strip().lines().count());
        assertTrue(missing.err().startsWith("error: No file at"), missing.err());

        Run badKind = run("--data-dir", dir.toString(), "import", "widgets", "x.csv");
        assertEquals(2, badKind.code());
        assertFalse(badKind.err().contains("Exception"), badKind.err());
    }

    @Test
    void anUnreachableMongoDbIsAClearMessage() {
        Run r = run("--db", "mongodb://app:s3cret@127.0.0.1:1/crm?serverSelectionTimeoutMS=500", "import", "customers",
                dir.resolve("c.csv").toString());
        // the file check comes first; use export, which needs the store
        Run e = run("--db", "mongodb://app:s3cret@127.0.0.1:1/crm", "export", "customers", dir.resolve("x.csv").toString());
        assertEquals(1, e.code());
        assertTrue(e.err().contains("Cannot reach the MongoDB database"), e.err());
        assertTrue(e.err().contains("app:****@127.0.0.1"), e.err());
        assertFalse(e.err().contains("s3cret"), "the password never shows");
        assertEquals(1, r.code());
    }

    @Test
    void whoamiAndLogoutUseTheStoredSession() {
        Map<String, String> env = Map.of("GOOGLE_CLIENT_ID", "crm-desktop.apps.example");
        String data = dir.resolve("auth").toString();
        Run nobody = runWith(env, "--data-dir", data, "whoami");
        assertEquals(1, nobody.code());
        assertTrue(nobody.err().contains("Nobody is signed in"), nobody.err());
        new com.crmplatform.auth.TokenStore(dir.resolve("auth")).save(new com.crmplatform.auth.TokenStore.StoredSession(
                "asha@shop.example.in", "Asha Rao", "u-1", "at", "rt", java.time.Instant.now().plusSeconds(3600),
                java.time.Instant.now()));
        Run me = runWith(env, "--data-dir", data, "whoami");
        assertEquals("{\"email\":\"asha@shop.example.in\",\"name\":\"Asha Rao\",\"offline\":false}", me.out().strip());
        assertEquals(0, runWith(env, "--data-dir", data, "logout").code());
        assertEquals(1, runWith(env, "--data-dir", data, "whoami").code());
        Run unconfigured = run("--data-dir", data, "login");
        assertEquals(1, unconfigured.code());
        assertTrue(unconfigured.err().contains("GOOGLE_CLIENT_ID"), unconfigured.err());
    }

    @Test
    void aCorruptLocalDatabaseIsAClearMessage() throws Exception {
        Path data = dir.resolve("corrupt");
        Files.createDirectories(data);
        Files.write(data.resolve(SqliteStore.FILE_NAME), "this is not a database, just some text ".repeat(200).getBytes());
        Run r = run("--data-dir", data.toString(), "export", "customers", dir.resolve("x.csv").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("is damaged or is not a CRM database"), r.err());
    }

    @Test
    void everyCommandAnswersHelpAndUnknownIdsAreErrors() throws Exception {
        String d = dir.resolve("h").toString();
        for (String[] help : new String[][] {{"seed", "--help"}, {"campaign", "--help"}, {"campaign", "create", "--help"},
            {"vendor", "stats", "--help"}, {"sync", "resolve", "--help"}}) {
            Run r = run(help);
            assertEquals(0, r.code(), String.join(" ", help) + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: crm-platform " + help[0]), r.out());
        }
        assertEquals(0, run("--data-dir", d, "seed", "--customers", "20", "--orders", "40").code());
        Run show = run("--data-dir", d, "campaign", "show", "abc");
        assertEquals(1, show.code());
        assertEquals("error: There is no campaign abc; `campaign list` prints the campaigns and their ids.", show.err().strip());
        Run stats = run("--data-dir", d, "vendor", "stats", "abc");
        assertEquals(1, stats.code());
        assertTrue(stats.out().isEmpty(), stats.out());
        assertTrue(run("--data-dir", d, "campaign", "list").out().isEmpty());
        String rule = "{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\",\"operator\":\">=\",\"value\":0}]}";
        for (String name : new String[] {"First", "Second"}) {
            Run created = run("--data-dir", d, "campaign", "create", "--name", name, "--rules", rule, "--message", "Hi {name}");
            assertEquals(0, created.code(), created.err());
        }
        List<String> lines = run("--data-dir", d, "campaign", "list").out().lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("Second", new ObjectMapper().readTree(lines.get(0)).get("name").asText()); // newest first
    }

    @Test
    void aSeedSaysHowFarItGotOnStderr() {
        Run r = run("--data-dir", dir.resolve("s").toString(), "seed", "--customers", "25000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("seeding 25,000 customers"), r.err());
        assertTrue(r.err().contains("(40%)") && r.err().contains("(100%)"), r.err());
        assertEquals("{\"customers\":25000,\"orders\":0}", r.out().strip());
    }

    @Test
    void aStoreWrittenByAnEarlierVersionIsUpgradedOnceAndTheCommandSaysSoOnStderrOnly() throws Exception {
        Path data = Files.createDirectories(dir.resolve("old"));
        try (var in = getClass().getResourceAsStream("/compat/crm-0.1.0.db")) {
            Files.copy(in, data.resolve(SqliteStore.FILE_NAME));
        }
        String rule = "{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\",\"operator\":\">=\",\"value\":3}]}";
        Run first = run("--data-dir", data.toString(), "segment", "count", rule);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("upgrading this computer's data for this version of the app"), first.err());
        assertEquals(1, first.err().lines().count(), first.err());
        assertEquals(25, first.json().get("count").asInt());

        Run again = run("--data-dir", data.toString(), "segment", "count", rule);
        assertEquals("", again.err(), "upgraded once");
        assertEquals(first.out(), again.out());
        Run fresh = run("--data-dir", dir.resolve("new").toString(), "seed", "--customers", "3");
        assertFalse(fresh.err().contains("upgrading"), "a new store is created, not upgraded: " + fresh.err());
    }
}
