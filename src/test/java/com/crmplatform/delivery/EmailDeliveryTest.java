package com.crmplatform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.TestData;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns by email against real SMTP servers on 127.0.0.1: GreenMail, and a scripted one for refusals. */
class EmailDeliveryTest {

    @TempDir
    Path dir;
    /** Runs each gateway's sender loop, as the app's background executor does. */
    final java.util.concurrent.ExecutorService senders = BackgroundExecutor.create();

    @org.junit.jupiter.api.AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    private SmtpGateway gateway(SmtpSettings settings) {
        return new SmtpGateway(settings, senders);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static SmtpSettings settings(int port, int perMinute) {
        return new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, Optional.empty(), Optional.empty(),
                "offers@shop.example", "Shop Offers", perMinute, 4, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    private static Campaign launch(SqliteStore store, String... names) {
        List<com.crmplatform.customer.Customer> list = new ArrayList<>();
        for (String n : names) {
            list.add(TestData.customer(n, n.toLowerCase().replace(' ', '.') + "@example.com", "500", 1, null));
        }
        store.customers().insertAbsent(list);
        return new CampaignService(store.campaigns(), store.communicationLog(), new LocalUser("ann"), Clock.systemUTC())
                .launch("Diwali", SegmentRule.and(SegmentRule.totalSpend(RuleOperator.GT, "0")), Channel.EMAIL,
                        "{firstName}, your Diwali offer", "Hi {name}, 20% off at our {city} shop.");
    }

    private DeliveryWorker.Summary deliver(SqliteStore store, VendorGateway email) {
        Path ledgerDir = dir.resolve("vendor");
        try (VendorLedger ledger = VendorLedger.open(ledgerDir);
             VendorGateway gateways = new Gateways(new SimulatedVendor(ledger, SimulatedVendor.Settings.defaults(),
                     BackgroundExecutor.createScheduled()), Optional.of(email), "not set up")) {
            DeliveryWorker worker = new DeliveryWorker(store.communicationLog(), gateways, Clock.systemUTC(), "w",
                    new DeliveryWorker.Settings(100, 100, Duration.ofSeconds(30), Duration.ofMillis(10)))
                    .withConsent(store.consent());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            return worker.run(true, () -> System.nanoTime() > deadline);
        }
    }

    @Test
    void eachCustomerGetsTheirEmailWithSubjectHeadersAndTheWayOut() throws Exception {
        int port = freePort();
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (SqliteStore store = SqliteStore.open(dir)) {
            Campaign c = launch(store, "Asha Rao", "Ravi Kumar", "Meena Iyer");
            DeliveryWorker.Summary s = deliver(store, gateway(settings(port, 6000)));
            assertEquals(3, s.sent(), s.toString());
            MimeMessage[] got = mail.getReceivedMessages();
            assertEquals(3, got.length);
            Map<String, MimeMessage> byTo = new ConcurrentHashMap<>();
            for (MimeMessage m : got) {
                byTo.put(m.getAllRecipients()[0].toString(), m);
            }
            MimeMessage asha = byTo.get("Asha Rao <asha.rao@example.com>");
            assertEquals("Asha, your Diwali offer", asha.getSubject());
            String body = GreenMailUtil.getBody(asha);
            assertTrue(body.startsWith("Hi Asha Rao, 20% off at our Pune shop."), body);
            assertTrue(body.contains("To receive no more, reply with the word unsubscribe."), body);
            assertEquals("Shop Offers <offers@shop.example>", asha.getFrom()[0].toString());
            assertEquals("<mailto:offers@shop.example?subject=unsubscribe>", asha.getHeader("List-Unsubscribe")[0]);
            String key = store.communicationLog().page(c.id(), null, "asha", com.crmplatform.store.PageRequest.first(10))
                    .items().get(0).idempotencyKey();
            assertEquals("<" + SmtpGateway.messageIdOf(key) + "@shop.example>", asha.getMessageID());
            assertEquals(3, store.campaigns().findById(c.id()).orElseThrow().sent());
        } finally {
            mail.stop();
        }
    }

    @Test
    void tryLaterIsTriedAgainAndDeliveredOnceWhileARefusalFailsWithTheServersReason() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(to -> {
            if (to.startsWith("ravi")) {
                return asked.incrementAndGet() <= 2 ? "451 4.3.0 Mailbox busy, try again later" : "250 2.1.5 OK";
            }
            return to.startsWith("nobody") ? "550 5.1.1 <nobody.here@example.com>: Recipient address rejected: User unknown"
                    : "250 2.1.5 OK";
        }); SqliteStore store = SqliteStore.open(dir)) {
            Campaign c = launch(store, "Ravi Kumar", "Nobody Here", "Asha Rao");
            DeliveryWorker.Summary s = deliver(store, gateway(settings(server.port(), 6000)));
            assertEquals(2, s.sent(), s.toString());
            assertEquals(1, s.failed());
            assertEquals(3, asked.get(), "two 'try later' answers, then taken");
            assertEquals(1, server.accepted().stream().filter(a -> a.recipient().startsWith("ravi")).count(),
                    "delivered once after the retries");
            assertEquals(0, server.accepted().stream().filter(a -> a.recipient().startsWith("nobody")).count());
            LogEntry failed = store.communicationLog().page(c.id(), DeliveryStatus.FAILED, "",
                    com.crmplatform.store.PageRequest.first(10)).items().get(0);
            assertEquals("nobody.here@example.com", failed.customerEmail());
            assertTrue(failed.reason().contains("550 5.1.1") && failed.reason().contains("User unknown"), failed.reason());
            assertEquals(1, store.campaigns().findById(c.id()).orElseThrow().failed());

            // The unknown mailbox is remembered as bounced: the next campaign skips it, saying why.
            assertTrue(store.consent().find("nobody.here@example.com").orElseThrow().bounced());
            long recipientsAsked = server.accepted().size();
            Campaign next = new CampaignService(store.campaigns(), store.communicationLog(), new LocalUser("ann"),
                    Clock.systemUTC()).launch("Again", SegmentRule.and(SegmentRule.totalSpend(RuleOperator.GT, "0")),
                    Channel.EMAIL, "Hello {firstName}", "Hi {name}");
            deliver(store, gateway(settings(server.port(), 6000)));
            LogEntry skipped = store.communicationLog().page(next.id(), DeliveryStatus.FAILED, "",
                    com.crmplatform.store.PageRequest.first(10)).items().get(0);
            assertTrue(skipped.reason().startsWith("Not sent: nobody.here@example.com bounced on "), skipped.reason());
            assertTrue(skipped.reason().contains("550 5.1.1"), skipped.reason());
            assertEquals(recipientsAsked + 2, server.accepted().size(), "only the two good addresses were sent to");
        }
    }

    @Test
    void whoUnsubscribedGetsNothingWhetherBeforeTheLaunchOrAfter() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(to -> "250 OK"); SqliteStore store = SqliteStore.open(dir)) {
            com.crmplatform.customer.ConsentService consent = new com.crmplatform.customer.ConsentService(store.consent(),
                    new LocalUser("ann"), Clock.systemUTC());
            store.customers().insertAbsent(List.of(TestData.customer("Ravi Kumar", "ravi.kumar@example.com", "500", 1, null)));
            consent.unsubscribe("ravi.kumar@example.com", "reply to the last campaign");
            Campaign c = launch(store, "Asha Rao", "Meena Iyer");
            assertEquals(2, c.audienceSize(), "Ravi opted out before the launch: left out");
            consent.unsubscribe("MEENA.IYER@example.com", "customer page"); // after the launch, before delivery
            DeliveryWorker.Summary s = deliver(store, gateway(settings(server.port(), 6000)));
            assertEquals(1, s.sent());
            assertEquals(List.of("asha.rao@example.com"), server.accepted().stream().map(ScriptedSmtpServer.Accepted::recipient)
                    .toList(), "only Asha got an email");
            LogEntry meena = store.communicationLog().page(c.id(), DeliveryStatus.FAILED, "", 
                    com.crmplatform.store.PageRequest.first(10)).items().get(0);
            assertTrue(meena.reason().startsWith("Not sent: meena.iyer@example.com unsubscribed on "), meena.reason());
            assertTrue(meena.reason().contains("customer page, by ann"), meena.reason());
        }
    }

    @Test
    void aSlowServerKeepsItsEmailsLeasedSoASecondWorkerNeverSendsThemAgain() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(to -> {
            try {
                Thread.sleep(250); // 10 emails take longer than the 1 s lease
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "250 OK";
        }); SqliteStore store = SqliteStore.open(dir)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                names.add("Buyer " + (char) ('A' + i));
            }
            launch(store, names.toArray(new String[0]));
            DeliveryWorker.Settings oneSecond = new DeliveryWorker.Settings(100, 100, Duration.ofSeconds(1), Duration.ofMillis(10));
            try (VendorLedger ledger = VendorLedger.open(dir.resolve("vendor"));
                 VendorGateway a = new Gateways(new SimulatedVendor(ledger, SimulatedVendor.Settings.defaults(),
                         BackgroundExecutor.createScheduled()), Optional.of(gateway(settings(server.port(), 600))), "");
                 VendorGateway b = new Gateways(new SimulatedVendor(ledger, SimulatedVendor.Settings.defaults(),
                         BackgroundExecutor.createScheduled()), Optional.of(gateway(settings(server.port(), 60_000))), "")) {
                DeliveryWorker first = new DeliveryWorker(store.communicationLog(), a, Clock.systemUTC(), "a", oneSecond);
                DeliveryWorker second = new DeliveryWorker(store.communicationLog(), b, Clock.systemUTC(), "b", oneSecond);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                var firstRun = java.util.concurrent.CompletableFuture.supplyAsync(() -> first.run(true, () -> System.nanoTime() > deadline));
                Thread.sleep(100);
                DeliveryWorker.Summary other = second.run(true, () -> System.nanoTime() > deadline);
                DeliveryWorker.Summary s = firstRun.get();
                assertEquals(10, s.sent() + other.sent());
                assertEquals(10, s.handedToVendor() + other.handedToVendor(), "each email handed over once, by one worker");
            }
            Map<String, Long> perRecipient = new java.util.HashMap<>();
            server.accepted().forEach(x -> perRecipient.merge(x.recipient(), 1L, Long::sum));
            assertEquals(10, perRecipient.size());
            perRecipient.forEach((to, n) -> assertEquals(1L, n, to + " got one email"));
        }
    }

    @Test
    void aServerThatNeverAnswersFailsTheEmailsInBoundedTimeSayingSo() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             SqliteStore store = SqliteStore.open(dir)) {
            Campaign c = launch(store, "Asha Rao", "Ravi Kumar");
            SmtpSettings hanging = new SmtpSettings("127.0.0.1", silent.getLocalPort(), SmtpSettings.Security.NONE,
                    Optional.empty(), Optional.empty(), "offers@shop.example", "", 6000, 4, Duration.ofMillis(100),
                    Duration.ofMillis(500), Duration.ofSeconds(3));
            long t = System.nanoTime();
            DeliveryWorker.Summary s = deliver(store, gateway(hanging));
            assertEquals(2, s.failed());
            assertTrue(System.nanoTime() - t < Duration.ofSeconds(30).toNanos(), "bounded");
            LogEntry e = store.communicationLog().page(c.id(), DeliveryStatus.FAILED, "",
                    com.crmplatform.store.PageRequest.first(10)).items().get(0);
            assertTrue(e.reason().startsWith("The mail server could not be reached for 3 seconds"), e.reason());
        }
    }

    @Test
    void theRateLimitSpacesTheEmails() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(to -> "250 OK"); SqliteStore store = SqliteStore.open(dir)) {
            launch(store, "A One", "B Two", "C Three", "D Four", "E Five");
            deliver(store, gateway(settings(server.port(), 300))); // one every 200 ms
            List<ScriptedSmtpServer.Accepted> got = server.accepted();
            assertEquals(5, got.size());
            for (int i = 1; i < got.size(); i++) {
                long gapMs = (got.get(i).atNanos() - got.get(i - 1).atNanos()) / 1_000_000;
                assertTrue(gapMs >= 170, "at most 300 a minute: " + gapMs + " ms between emails " + i + " and " + (i + 1));
            }
        }
    }
}
