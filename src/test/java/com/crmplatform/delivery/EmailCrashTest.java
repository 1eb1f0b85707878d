package com.crmplatform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.config.SettingsStore;
import com.crmplatform.desktop.Launcher;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.TestData;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail server goes away mid-campaign and the delivering JVM is killed (SIGKILL); a new server
 * comes up on the same port and delivery resumes. Every recipient ends with exactly one email,
 * counted by Message-ID across what both servers took (an email the first took whose receipt the
 * killed worker never wrote goes again with the same Message-ID, which mail programs recognise).
 */
class EmailCrashTest {

    private static final int CUSTOMERS = 60;

    @TempDir
    Path dir;

    private Process deliver(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "--data-dir", dir.toString(), "delivery",
                "run", "--lease-seconds", "2"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private static void messageIds(ScriptedSmtpServer server, Map<String, Set<String>> byRecipient) {
        for (ScriptedSmtpServer.Accepted m : server.accepted()) {
            byRecipient.computeIfAbsent(m.recipient(), k -> new HashSet<>()).add(m.header("Message-ID"));
        }
    }

    @Test
    void aServerThatDiesAndAWorkerKilledMidCampaignStillGiveEveryoneExactlyOneEmail() throws Exception {
        int port = EmailDeliveryTest.freePort();
        new SettingsStore(dir).write(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(port), "SMTP_TLS", "none",
                "SMTP_FROM", "offers@shop.example", "SMTP_PER_MINUTE", "1200"));
        Campaign c;
        try (SqliteStore store = SqliteStore.open(dir)) {
            List<com.crmplatform.customer.Customer> list = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                list.add(TestData.customer("Buyer " + i, "buyer" + i + "@example.com", "100", 1, null));
            }
            store.customers().insertAbsent(list);
            c = new CampaignService(store.campaigns(), store.communicationLog(), new LocalUser("ann"), Clock.systemUTC())
                    .launch("Diwali", SegmentRule.and(SegmentRule.totalSpend(RuleOperator.GT, "0")), Channel.EMAIL,
                            "Your offer, {firstName}", "Hi {name}");
        }
        ScriptedSmtpServer first = new ScriptedSmtpServer(port, to -> "250 2.1.5 OK");
        Process child = deliver();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (first.accepted().size() < CUSTOMERS / 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        first.close(); // the mail server dies mid-campaign; the worker keeps trying for a while ...
        Thread.sleep(300);
        child.destroyForcibly(); // ... and is killed
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        int beforeCrash = first.accepted().size();
        assertTrue(beforeCrash > 0 && beforeCrash < CUSTOMERS, "stopped mid-campaign: " + beforeCrash);

        try (ScriptedSmtpServer second = new ScriptedSmtpServer(port, to -> "250 2.1.5 OK")) {
            Process resumed = deliver("--until-idle");
            assertTrue(resumed.waitFor(120, TimeUnit.SECONDS), "the resumed delivery finishes");
            assertEquals(0, resumed.exitValue(), java.nio.file.Files.readString(dir.resolve("child.log")));
            Map<String, Set<String>> ids = new HashMap<>();
            messageIds(first, ids);
            messageIds(second, ids);
            assertEquals(CUSTOMERS, ids.size(), "every recipient got an email");
            ids.forEach((to, set) -> assertEquals(1, set.size(), to + " got one email (by Message-ID): " + set));
            try (SqliteStore store = SqliteStore.open(dir)) {
                Map<DeliveryStatus, Long> counts = store.communicationLog().countByStatus(c.id());
                assertEquals(CUSTOMERS, counts.get(DeliveryStatus.SENT), counts.toString());
                assertEquals(CUSTOMERS, store.campaigns().findById(c.id()).orElseThrow().sent());
            }
        }
    }
}
