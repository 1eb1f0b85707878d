package com.crmplatform.campaign;

import static com.crmplatform.segment.SegmentRule.and;
import static com.crmplatform.segment.SegmentRule.totalSpend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.auth.LocalUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.delivery.CommunicationLogRepository;
import com.crmplatform.delivery.DeliveryStatus;
import com.crmplatform.delivery.LogEntry;
import com.crmplatform.delivery.Receipt;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.StoreFixture;
import com.crmplatform.store.TestData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns and the communication log, the same on both stores. */
abstract class CampaignContractTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    StoreFixture fixture;
    CampaignService service;
    CommunicationLogRepository log;

    abstract StoreFixture createFixture();

    @BeforeEach
    void open() {
        fixture = createFixture();
        service = new CampaignService(fixture.store().campaigns(), fixture.store().communicationLog(), new LocalUser("ann"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        log = fixture.store().communicationLog();
        for (int i = 0; i < 5; i++) {
            fixture.store().customers().insert(TestData.customer("Person" + i + " Rao", "p" + i + "@example.com",
                    String.valueOf(i * 1000), 1, null));
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @org.junit.jupiter.api.Test
    void whoUnsubscribedIsLeftOutOfTheAudienceAndTheLaterRecordHolds() {
        com.crmplatform.customer.ConsentRepository consent = fixture.store().consent();
        Instant before = NOW.minusSeconds(60);
        consent.record(List.of(new com.crmplatform.customer.Consent("P3@Example.com",
                com.crmplatform.customer.Consent.State.UNSUBSCRIBED, NOW, "command line")));
        // An older record arriving late (a replica's push repeated) changes nothing.
        consent.record(List.of(new com.crmplatform.customer.Consent("p3@example.com",
                com.crmplatform.customer.Consent.State.SUBSCRIBED, before, "import of old.csv")));
        assertEquals(com.crmplatform.customer.Consent.State.UNSUBSCRIBED, consent.find("p3@example.com").orElseThrow().state());
        assertEquals("command line", consent.find("p3@example.com").orElseThrow().how());
        consent.record(List.of(new com.crmplatform.customer.Consent("p4@example.com",
                com.crmplatform.customer.Consent.State.UNSUBSCRIBED, NOW, "reply")));
        consent.record(List.of(new com.crmplatform.customer.Consent("p4@example.com",
                com.crmplatform.customer.Consent.State.SUBSCRIBED, NOW.plusSeconds(5), "customer page")));
        assertEquals(1, consent.countUnsubscribed());
        assertEquals(Map.of("p3@example.com", "UNSUBSCRIBED", "p4@example.com", "SUBSCRIBED"), consent.find(List.of(
                "p3@example.com", "P4@example.com", "p1@example.com")).values().stream().collect(Collectors.toMap(
                com.crmplatform.customer.Consent::email, c -> c.state().name())));

        var rule = and(totalSpend(RuleOperator.GTE, "2000"));
        assertEquals(3, fixture.store().audience().countMatching(rule, java.time.LocalDate.of(2026, 11, 25)));
        assertEquals(1, fixture.store().audience().countUnsubscribed(rule, java.time.LocalDate.of(2026, 11, 25)));
        Campaign c = launchBigSpenders();
        assertEquals(2, c.audienceSize(), "p3 opted out: not in the audience");
        assertTrue(log.page(c.id(), null, "", PageRequest.first(10)).items().stream()
                .noneMatch(e -> e.customerEmail().equals("p3@example.com")));
    }

    @org.junit.jupiter.api.Test
    void placeholdersInACustomersOwnTextAreNotFilledIn() {
        fixture.store().customers().insert(TestData.customer("Ravi {firstName} {email}", "ravi@example.com", "9000", 1, null));
        Campaign c = service.launch("Braces", and(totalSpend(RuleOperator.GTE, "9000")), "Hi {name} / {firstName}");
        LogEntry e = log.page(c.id(), null, "ravi", PageRequest.first(10)).items().get(0);
        assertEquals("Hi Ravi {firstName} {email} / Ravi", e.message());
        assertEquals("Hi Ravi {firstName} {email} / Ravi", MessageTemplate.render("Hi {name} / {firstName}",
                fixture.store().customers().findByEmail("ravi@example.com").orElseThrow()));
    }

    private Campaign launchBigSpenders() {
        return service.launch("Big spenders", and(totalSpend(RuleOperator.GTE, "2000")), "Hi {firstName}, {city} loves you");
    }

    @Test
    void launchFreezesAudienceAtLaunchTime() {
        Campaign c = launchBigSpenders();
        assertEquals(3, c.audienceSize());
        assertEquals(CampaignStatus.RUNNING, c.status());
        assertEquals("local:ann", c.audit().createdBy());
        fixture.store().customers().insert(TestData.customer("Late Comer", "late@example.com", "9999", 1, null));
        assertEquals(3, service.find(c.id()).audienceSize(), "a customer who matches later is not added");
        List<LogEntry> entries = log.page(c.id(), null, null, PageRequest.first(10)).items();
        assertEquals(3, entries.size());
        assertTrue(entries.stream().allMatch(e -> e.status() == DeliveryStatus.PENDING && e.attempt() == 1));
        assertEquals("Hi Person2, Pune loves you", entries.stream().filter(e -> e.customerEmail().equals("p2@example.com"))
                .findFirst().orElseThrow().message());
        assertEquals(List.of(c.id()), service.history(10).stream().map(Campaign::id).toList());
    }

    @Test
    void claimedEntriesBelongToTheirWorkerUntilTheLeaseRunsOut() {
        launchBigSpenders();
        List<LogEntry> first = log.claim("w1", NOW, Duration.ofSeconds(30), 2);
        List<LogEntry> second = log.claim("w2", NOW, Duration.ofSeconds(30), 10);
        assertEquals(2, first.size());
        assertEquals(1, second.size());
        assertEquals(0, log.claim("w2", NOW.plusSeconds(10), Duration.ofSeconds(30), 10).size());
        List<LogEntry> reclaimed = log.claim("w2", NOW.plusSeconds(31), Duration.ofSeconds(30), 10);
        assertEquals(3, reclaimed.size(), "w1 and w2's expired leases come back");
    }

    @Test
    void repeatedLateAndOutOfOrderReceiptsCountOnce() {
        Campaign c = launchBigSpenders();
        List<LogEntry> e = log.claim("w", NOW, Duration.ofSeconds(30), 10);
        Receipt a = new Receipt(e.get(0).idempotencyKey(), true);
        Receipt b = new Receipt(e.get(1).idempotencyKey(), false);
        Receipt d = new Receipt(e.get(2).idempotencyKey(), true);
        Map<String, CommunicationLogRepository.Outcomes> first = log.applyReceipts(List.of(b, a, a), NOW);
        assertEquals(new CommunicationLogRepository.Outcomes(1, 1), first.get(c.id()));
        log.applyReceipts(List.of(a, b), NOW);
        assertEquals(0, log.applyReceipts(List.of(a), NOW).size());
        Campaign mid = service.find(c.id());
        assertEquals(1, mid.sent());
        assertEquals(1, mid.failed());
        assertEquals(CampaignStatus.RUNNING, mid.status());
        log.applyReceipts(List.of(d, d), NOW);
        Campaign done = service.find(c.id());
        assertEquals(2, done.sent());
        assertEquals(CampaignStatus.COMPLETED, done.status());
        Map<DeliveryStatus, Long> counts = log.countByStatus(c.id());
        assertEquals(done.sent(), counts.get(DeliveryStatus.SENT));
        assertEquals(done.failed(), counts.get(DeliveryStatus.FAILED));
        assertEquals(0L, counts.get(DeliveryStatus.PENDING));
    }

    @Test
    void sendingAgainToFailedStartsANewAttemptAndIgnoresTheOldOnesReceipts() {
        Campaign c = launchBigSpenders();
        List<LogEntry> e = log.claim("w", NOW, Duration.ofSeconds(30), 10);
        Receipt failedFirst = new Receipt(e.get(0).idempotencyKey(), false);
        log.applyReceipts(List.of(failedFirst, new Receipt(e.get(1).idempotencyKey(), true),
                new Receipt(e.get(2).idempotencyKey(), true)), NOW);
        assertEquals(CampaignStatus.COMPLETED, service.find(c.id()).status());
        assertEquals(1, service.sendAgainToFailed(c.id()));
        Campaign again = service.find(c.id());
        assertEquals(CampaignStatus.RUNNING, again.status());
        assertEquals(0, again.failed());
        assertEquals(1, again.pending());
        log.applyReceipts(List.of(failedFirst), NOW); // a late repeat of the first attempt's receipt
        assertEquals(1, service.find(c.id()).pending());
        LogEntry retry = log.claim("w", NOW, Duration.ofSeconds(30), 10).get(0);
        assertEquals(2, retry.attempt());
        log.applyReceipts(List.of(new Receipt(retry.idempotencyKey(), true)), NOW);
        Campaign done = service.find(c.id());
        assertEquals(3, done.sent());
        assertEquals(CampaignStatus.COMPLETED, done.status());
    }

    @Test
    void theLogFiltersByStatusAndFindsCustomersByNameOrEmail() {
        Campaign c = launchBigSpenders();
        List<LogEntry> e = log.claim("w", NOW, Duration.ofSeconds(30), 10);
        log.applyReceipts(List.of(new Receipt(e.get(0).idempotencyKey(), false)), NOW);
        assertEquals(1, log.page(c.id(), DeliveryStatus.FAILED, null, PageRequest.first(10)).items().size());
        assertEquals(2, log.page(c.id(), DeliveryStatus.PENDING, null, PageRequest.first(10)).items().size());
        assertEquals(List.of("p3@example.com"), log.page(c.id(), null, "P3@", PageRequest.first(10)).items().stream()
                .map(LogEntry::customerEmail).toList());
        assertEquals(3, log.page(c.id(), null, "rao", PageRequest.first(10)).items().size(), "surname");
        var page1 = log.page(c.id(), null, null, PageRequest.first(2));
        var page2 = log.page(c.id(), null, null, PageRequest.after(new com.crmplatform.store.Cursor(null,
                page1.items().get(1).id()), 2));
        assertEquals(3, page1.items().size() + page2.items().size());
        assertTrue(page1.hasNext());
    }

    @Test
    void anUnknownPlaceholderOrAnEmptyNameIsRefusedBeforeAnythingIsWritten() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> service.launch("X", and(totalSpend(RuleOperator.GT, "0")), "Hi {nmae}"));
        assertTrue(e.getMessage().contains("{nmae}"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> service.launch(" ", and(totalSpend(RuleOperator.GT, "0")), "Hi"));
        assertEquals(0, service.history(10).size());
    }

    @Test
    void namedSegmentsAreSavedAndReusedAndTheSameNameReplacesTheRule() {
        var repo = fixture.store().segments();
        var audit = com.crmplatform.store.Audit.created(NOW, "local:ann");
        repo.save(new com.crmplatform.segment.SavedSegment(com.crmplatform.store.Ids.newId(), "Big spenders",
                and(totalSpend(RuleOperator.GT, "5000")), audit));
        repo.save(new com.crmplatform.segment.SavedSegment(com.crmplatform.store.Ids.newId(), "Active",
                and(com.crmplatform.segment.SegmentRule.inactiveDays(RuleOperator.LT, 30)), audit));
        var replaced = repo.save(new com.crmplatform.segment.SavedSegment(com.crmplatform.store.Ids.newId(), "BIG spenders",
                and(totalSpend(RuleOperator.GT, "9000")), audit));
        assertEquals(List.of("Active", "BIG spenders"), repo.all().stream().map(com.crmplatform.segment.SavedSegment::name).toList());
        assertEquals(and(totalSpend(RuleOperator.GT, "9000")).toString(), replaced.rule().toString());
        repo.delete(replaced.id());
        assertEquals(1, repo.all().size());
    }

    static String emails(List<Customer> list) {
        return list.stream().map(Customer::email).collect(Collectors.joining(","));
    }
}

class SqliteCampaignContractTest extends CampaignContractTest {
    @TempDir
    Path dir;

    @Override
    StoreFixture createFixture() {
        return StoreFixture.sqlite(dir);
    }
}

class MongoCampaignContractTest extends CampaignContractTest {
    @Override
    StoreFixture createFixture() {
        return StoreFixture.mongo();
    }
}
