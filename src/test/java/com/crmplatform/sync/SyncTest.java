package com.crmplatform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.ReplicaStore;
import com.crmplatform.app.SqliteStore;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerDraft;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.order.MongoOrderRepository;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.TestData;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import com.crmplatform.customer.CustomerSort;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Workstations (each its own data directory and replica) on one MongoDB stand-in behind a proxy
 * the test cuts and restores on the same port: offline work on each, then back online, and every
 * replica and the server end up identical, with totals exact and conflicts kept for the user.
 */
class SyncTest extends TeamFixture {

    @Test
    void offlineWorkOnThreeWorkstationsConvergesWithExactTotals() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        Workstation c = workstation("c");
        a.create("Asha Rao", "asha@example.com");
        a.create("Zed Old", "zed@example.com");
        syncAll();
        assertEquals(2, b.snapshot().size());

        team.cut();
        a.create("Yusuf Ali", "yusuf@example.com");
        a.edit("asha@example.com", "city", "Pune");
        b.order("asha@example.com", "100.00");
        b.delete("zed@example.com");
        c.order("asha@example.com", "50.50");
        c.create("Wen Li", "wen@example.com");
        assertFalse(a.sync().probe().online());
        assertEquals(2, a.sync().status().pending());
        assertThrows(StoreException.class, () -> c.sync().syncNow((d, t) -> { }, () -> false));
        assertEquals(2, c.sync().status().pending(), "offline: the changes wait");

        team.restore();
        syncAll();
        assertAllEqualCentral();
        Customer asha = c.byEmail("asha@example.com");
        assertEquals(0, new BigDecimal("150.50").compareTo(asha.totalSpend()));
        assertEquals(2, asha.visits());
        assertEquals("Pune", asha.city());
        assertEquals(3, centralSnapshot().size(), "Asha, Yusuf, Wen; Zed deleted everywhere");
        assertEquals(2, central().getCollection("orders").countDocuments());
    }

    @Test
    void anOptOutMadeOfflineReachesEveryWorkstationAndTheCentralLaunchLeavesItOut() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        team.cut();
        a.services().consent().unsubscribe("asha@example.com", "customer page");
        assertEquals(1, a.sync().status().pending(), "the opt-out waits to be pushed");
        assertEquals(1, a.store().consent().countUnsubscribed(), "and holds on this workstation at once");
        // Later, on the other workstation, offline too: Bo asks to be left alone, Asha's older wish is not seen yet.
        b.services().consent().unsubscribe("bo@example.com", "reply");
        assertFalse(a.sync().probe().online()); // the window's heartbeat notices the cut
        assertFalse(b.sync().probe().online());
        team.restore();
        syncAll();
        assertEquals(2, central().getCollection("consent").countDocuments(Filters.eq("state", "UNSUBSCRIBED")));
        for (Workstation w : workstations) {
            assertEquals(2, w.store().consent().countUnsubscribed(), "replica " + w.data().getFileName());
            assertEquals(0, w.sync().status().pending());
        }
        // Asha asks again on b; a sees it after the next sync (the later record holds everywhere).
        b.services().consent().subscribe("asha@example.com", "phone call");
        syncAll();
        assertEquals(com.crmplatform.customer.Consent.State.SUBSCRIBED,
                a.store().consent().find("asha@example.com").orElseThrow().state());
        var rule = com.crmplatform.segment.SegmentRule.and(com.crmplatform.segment.SegmentRule.totalSpend(
                com.crmplatform.segment.RuleOperator.GTE, "0"));
        com.crmplatform.campaign.Campaign c = a.services().campaigns().launch("Everyone", rule, "Hi {name}");
        assertEquals(1, c.audienceSize(), "Bo opted out: frozen centrally without him");
    }

    @Test
    void theSameFieldChangedOnTwoWorkstationsIsOneConflictResolvedEitherWay() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        a.create("Asha Rao", "asha@example.com");
        syncAll();

        team.cut();
        a.edit("asha@example.com", "city", "Pune");
        b.edit("asha@example.com", "city", "Mumbai");
        team.restore();
        syncNow(a);
        syncNow(b);

        List<Conflict> conflicts = b.sync().conflicts();
        assertEquals(1, conflicts.size());
        Conflict conflict = conflicts.get(0);
        assertEquals("city", conflict.field());
        assertEquals("Mumbai", conflict.mine());
        assertEquals("Pune", conflict.theirs());
        assertEquals("asha@example.com", conflict.record());
        assertEquals("Mumbai", b.byEmail("asha@example.com").city(), "nothing is overwritten before the user chooses");
        syncNow(b);
        assertEquals("Pune", centralSnapshot().get("asha@example.com").split("\\|")[3], "nor pushed");

        b.sync().resolve(conflict.id(), false); // theirs
        syncAll();
        assertEquals("Pune", b.byEmail("asha@example.com").city());
        assertAllEqualCentral();

        team.cut();
        a.edit("asha@example.com", "city", "Delhi");
        b.edit("asha@example.com", "city", "Chennai");
        team.restore();
        syncNow(a);
        syncNow(b);
        Conflict second = b.sync().conflicts().get(0);
        b.sync().resolve(second.id(), true); // mine
        syncAll();
        assertEquals("Chennai", a.byEmail("asha@example.com").city());
        assertEquals(0, b.sync().status().conflicts());
        assertAllEqualCentral();
    }

    /** An open conflict follows the central value: it ends when both sides agree, and "theirs" takes the latest. */
    @Test
    void anOpenConflictFollowsLaterCentralChanges() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        team.cut();
        a.edit("asha@example.com", "city", "Delhi");
        b.edit("asha@example.com", "city", "Goa");
        a.edit("bo@example.com", "city", "Delhi");
        b.edit("bo@example.com", "city", "Goa");
        team.restore();
        syncNow(a);
        syncNow(b);
        assertEquals(2, b.sync().conflicts().size());

        a.edit("asha@example.com", "city", "Goa"); // now both sides say Goa
        a.edit("bo@example.com", "city", "Mumbai"); // central moves on
        syncNow(a);
        syncNow(b);
        List<Conflict> left = b.sync().conflicts();
        assertEquals(1, left.size(), left.toString());
        assertEquals("bo@example.com", left.get(0).record());
        assertEquals("Mumbai", left.get(0).theirs());
        b.sync().resolve(left.get(0).id(), false);
        syncAll();
        assertEquals("Mumbai", b.byEmail("bo@example.com").city());
        assertEquals("Goa", b.byEmail("asha@example.com").city());
        assertAllEqualCentral();
    }

    @Test
    void differentFieldsChangedOnTwoWorkstationsMerge() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        a.create("Asha Rao", "asha@example.com");
        syncAll();

        team.cut();
        a.edit("asha@example.com", "phone", "+91 98765 43210");
        b.edit("asha@example.com", "city", "Mumbai");
        team.restore();
        syncAll();

        for (Workstation w : workstations) {
            Customer asha = w.byEmail("asha@example.com");
            assertEquals("+91 98765 43210", asha.phone());
            assertEquals("Mumbai", asha.city());
            assertEquals(0, w.sync().status().conflicts());
        }
        assertAllEqualCentral();
    }

    /** Records a workstation copied at its first sync are their own base until edited there. */
    @Test
    void recordsCopiedAtTheFirstSyncMergeAndConflictLikeAnyOther() throws Exception {
        Workstation a = workstation("a");
        a.create("Asha Rao", "asha@example.com");
        a.create("Bo Chen", "bo@example.com");
        a.create("Cy Das", "cy@example.com");
        syncNow(a);
        Workstation b = workstation("b"); // its first sync copies the three
        assertEquals(3, b.snapshot().size());

        team.cut();
        a.edit("asha@example.com", "city", "Pune");
        b.edit("asha@example.com", "phone", "+91 90000 00001");
        a.edit("bo@example.com", "city", "Delhi");
        b.edit("bo@example.com", "city", "Goa");
        b.delete("cy@example.com");
        team.restore();
        syncAll();

        Customer asha = a.byEmail("asha@example.com");
        assertEquals("Pune", asha.city());
        assertEquals("+91 90000 00001", asha.phone());
        List<Conflict> conflicts = b.sync().conflicts();
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertEquals("bo@example.com", conflicts.get(0).record());
        assertEquals("Goa", conflicts.get(0).mine());
        assertEquals("Delhi", conflicts.get(0).theirs());
        assertTrue(a.services().customers().findByEmail("cy@example.com").isEmpty(), "b's deletion reached a");
        b.sync().resolve(conflicts.get(0).id(), true);
        syncAll();
        assertEquals("Goa", a.byEmail("bo@example.com").city());
        assertAllEqualCentral();
    }

    @Test
    void anEditAgainstADeletionIsAConflictOnTheRecord() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);

        team.cut();
        a.delete("asha@example.com");
        b.edit("asha@example.com", "city", "Mumbai");
        b.order("asha@example.com", "12.00");
        b.delete("bo@example.com");
        a.edit("bo@example.com", "city", "Goa");
        team.restore();
        syncNow(a);
        syncNow(b);
        syncNow(a);

        // Asha: deleted centrally by A; B edited her. Bo: deleted by B after A's edit landed.
        Conflict onB = b.sync().conflicts().stream().filter(x -> x.record().equals("asha@example.com")).findFirst()
                .orElseThrow();
        assertEquals(Replica.RECORD, onB.field());
        assertEquals("asha@example.com", onB.record());
        assertTrue(b.services().customers().findByEmail("asha@example.com").isPresent(), "kept until the user chooses");
        Conflict onBo = b.sync().conflicts().stream().filter(x -> x.record().equals("bo@example.com")).findFirst()
                .orElseThrow();
        assertEquals("deleted here", onBo.mine());

        // B's new order for Asha waits for the choice, without a sync going round and round over it.
        assertEquals(0, b.sync().syncNow((d, t) -> { }, () -> false).pushed());
        assertEquals(1, b.sync().status().pending());
        b.sync().resolve(onB.id(), true); // keep Asha, with B's edit
        b.sync().resolve(onBo.id(), false); // Bo comes back as A left him
        syncAll();
        assertEquals("Mumbai", a.byEmail("asha@example.com").city());
        assertEquals(0, new BigDecimal("12.00").compareTo(a.byEmail("asha@example.com").totalSpend()), "the order that waited");
        assertEquals("Goa", b.byEmail("bo@example.com").city());
        assertAllEqualCentral();
    }

    /** Deleted offline, then entered again under the same email: the new record is what everyone keeps. */
    @Test
    void aCustomerDeletedAndEnteredAgainOfflineUnderTheSameEmailIsTheNewRecordEverywhere() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        String old = a.byEmail("asha@example.com").id();

        team.cut();
        a.delete("asha@example.com");
        Customer again = a.create("Asha Rao-Iyer", "asha@example.com");
        a.edit("asha@example.com", "city", "Chennai");
        a.order("asha@example.com", "40.00");
        team.restore();
        syncAll();

        assertEquals(again.id(), b.byEmail("asha@example.com").id());
        assertEquals("Chennai", b.byEmail("asha@example.com").city());
        assertEquals(0, central().getCollection("customers").countDocuments(new Document("_id", new org.bson.types.ObjectId(old))));
        assertEquals(0, a.sync().status().conflicts());
        assertEquals(0, new BigDecimal("40.00").compareTo(b.byEmail("asha@example.com").totalSpend()));
        assertAllEqualCentral();
    }

    /**
     * A new customer under an email that, centrally, an existing customer still has only because this
     * workstation's change of that customer's email could not go yet (the new address was taken
     * centrally): the new customer waits; it is not taken for the existing one.
     */
    @Test
    void aNewCustomerWaitsForTheEmailThatAnotherRecordHereGivesUp() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        String ashaId = a.byEmail("asha@example.com").id();
        b.create("Zed Shah", "zed@example.com");
        syncNow(b);

        a.edit("asha@example.com", "email", "zed@example.com"); // a has not seen Zed yet
        Customer menon = a.create("Asha Menon", "asha@example.com");
        SyncEngine.Outcome once = a.sync().syncNow((d, t) -> { }, () -> false);
        assertTrue(once.pushed() < 5 && once.pulled() < 5, "what waits is not gone over round after round: " + once);

        assertEquals(menon.id(), a.byEmail("asha@example.com").id(), "still her own record here");
        assertEquals("Asha Menon", a.byEmail("asha@example.com").name());
        assertEquals("Asha Rao", a.services().customers().find(ashaId).orElseThrow().name());
        assertEquals(0, central().getCollection("customers").countDocuments(new Document("name", "Asha Menon")),
                "not merged into Asha Rao's record, and not in twice");
        assertTrue(a.sync().status().pending() >= 1, "Asha Menon waits");

        // The user gives Asha Rao another address and keeps it: both go.
        a.edit("zed@example.com", "email", "asha.rao@example.com");
        for (Conflict open : a.sync().conflicts()) {
            a.sync().resolve(open.id(), true);
        }
        syncAll();
        assertEquals(ashaId, b.byEmail("asha.rao@example.com").id());
        assertEquals(menon.id(), b.byEmail("asha@example.com").id());
        assertEquals("Zed Shah", a.byEmail("zed@example.com").name());
        assertEquals(0, a.sync().status().conflicts());
        assertAllEqualCentral();
    }

    /** Two customers' emails moved along offline, the second taking the first's old one: no conflict. */
    @Test
    void anEmailGivenUpByOneCustomerAndTakenByAnotherOfflineGoesWithoutAConflict() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);

        team.cut();
        a.edit("bo@example.com", "city", "Delhi"); // Bo's row comes first in the outbox
        a.edit("asha@example.com", "email", "asha.rao@example.com");
        a.edit("bo@example.com", "email", "asha@example.com");
        team.restore();
        syncAll();

        assertEquals(List.of(), a.sync().conflicts());
        assertEquals(List.of(), b.sync().conflicts());
        assertEquals("Bo Chen", b.byEmail("asha@example.com").name());
        assertEquals("Delhi", b.byEmail("asha@example.com").city());
        assertEquals("Asha Rao", b.byEmail("asha.rao@example.com").name());
        assertAllEqualCentral();
    }

    /** The same moves made and pushed one by one, pulled all at once by a workstation that was away. */
    @Test
    void anEmailMovedFromOneCustomerToAnotherIsPulledWithoutAConflict() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        a.edit("bo@example.com", "city", "Delhi");
        syncNow(a);
        a.edit("asha@example.com", "email", "asha.rao@example.com");
        syncNow(a);
        a.edit("bo@example.com", "email", "asha@example.com");
        a.create("Cy Das", "cy@example.com");
        syncNow(a);
        a.delete("cy@example.com");
        a.create("Cy Das-Roy", "cy@example.com"); // a new record under a deleted one's email
        syncNow(a);

        syncNow(b);
        assertEquals(List.of(), b.sync().conflicts());
        assertEquals("Bo Chen", b.byEmail("asha@example.com").name());
        assertEquals("Cy Das-Roy", b.byEmail("cy@example.com").name());
        assertAllEqualCentral();
    }

    @Test
    void theSamePersonEnteredOnTwoWorkstationsBecomesOneCustomerWithBothOrders() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        team.cut();
        a.create("Asha Rao", "asha@example.com");
        a.order("asha@example.com", "10.00");
        b.create("Asha Rao", "ASHA@example.com");
        b.order("asha@example.com", "5.00");
        team.restore();
        syncAll();

        assertEquals(1, centralSnapshot().size());
        Customer asha = b.byEmail("asha@example.com");
        assertEquals(0, new BigDecimal("15.00").compareTo(asha.totalSpend()));
        assertEquals(2, asha.visits());
        assertEquals(2, central().getCollection("orders").countDocuments(new Document("customerId", asha.id())));
        assertAllEqualCentral();
    }

    /** The first sync of an empty copy reports progress; stopped half-way, it goes on from there at the next start. */
    @Test
    void aFirstSyncStoppedHalfWayGoesOnAtTheNextStart() throws Exception {
        Workstation a = workstation("a");
        a.services().demoData().seed(25_000, 0, 3, n -> { });
        syncNow(a);
        Path data = Files.createDirectories(dir.resolve("late"));
        List<long[]> seen = new ArrayList<>();
        RuntimeException stopped = assertThrows(RuntimeException.class, () -> ReplicaStore.open(url, data, Clock.systemUTC(),
                (done, total) -> {
                    seen.add(new long[] {done, total});
                    if (done >= 10_000) {
                        throw new IllegalStateException("stopped by the user");
                    }
                }));
        assertEquals("stopped by the user", stopped.getMessage());
        assertEquals(25_000, seen.get(0)[1], "the total is known from the start");

        List<long[]> resumed = new ArrayList<>();
        try (ReplicaStore again = ReplicaStore.open(url, data, Clock.systemUTC(), (done, total) -> resumed.add(new long[] {done, total}))) {
            assertTrue(resumed.get(0)[0] >= 10_000, "goes on from what was copied: " + resumed.get(0)[0]);
            assertEquals(25_000, resumed.get(resumed.size() - 1)[0]);
            assertEquals(25_000, again.customers().count(CustomerQuery.all()));
            assertTrue(again.sync().status().lastSync() == null || again.sync().status().pending() == 0);
            assertEquals(0, again.sync().status().pending(), "a copy is not a change to push");
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + Files.list(data)
                .filter(f -> f.getFileName().toString().endsWith(".db")).findFirst().orElseThrow());
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                     + "AND name IN ('customers_id', 'orders_id', 'customers_name', 'customers_email_lc', 'orders_customer_date')")) {
            rs.next();
            assertEquals(5, rs.getInt(1), "the indexes the lists open with are there once the replica opens");
        }
    }

    /** Stopped while copying orders (loaded without their ids' index), the next start copies each order once. */
    @Test
    void aFirstSyncStoppedWhileCopyingOrdersCopiesEachOrderOnce() throws Exception {
        Workstation a = workstation("a");
        a.services().demoData().seed(500, 0, 3, n -> { });
        syncNow(a);
        List<Customer> customers = a.services().customers().page(CustomerQuery.all(), PageRequest.first(500)).items();
        List<Document> orders = new ArrayList<>();
        for (int i = 0; i < 12_500; i++) {
            orders.add(MongoOrderRepository.toDocument(TestData.order(customers.get(i % customers.size()), "10.00",
                    LocalDate.of(2026, 11, 1))));
        }
        java.util.Collections.shuffle(orders, new java.util.Random(5)); // not in id order, as a server may keep them
        central().getCollection("orders").insertMany(orders);

        Path data = Files.createDirectories(dir.resolve("late"));
        assertThrows(IllegalStateException.class, () -> ReplicaStore.open(url, data, Clock.systemUTC(), (done, total) -> {
            if (done >= 500 + 10_000) {
                throw new IllegalStateException("stopped by the user");
            }
        }));
        try (ReplicaStore again = ReplicaStore.open(url, data, Clock.systemUTC(), (done, total) -> { })) {
            assertEquals(12_500, again.orders().count(OrderQuery.all()), "each order once");
            assertEquals(null, again.sync().status().lastSync(), "not synced since the copy (never shown as 1970)");
            assertEquals(500, again.customers().count(CustomerQuery.all()));
            assertEquals(0, again.sync().status().pending());
        }
        List<String> missing = indexesMissing(data);
        assertFalse(missing.contains("customers_id") || missing.contains("orders_id"), "the ids' indexes are back: " + missing);
    }

    @Test
    void theSearchIndexesAFirstSyncLeavesForLaterFollowOneAtATimeAndEveryListWorksBefore() throws Exception {
        Workstation a = workstation("a");
        a.services().demoData().seed(3_000, 2, 3, n -> { });
        syncNow(a);
        Map<CustomerSort, List<String>> orders = new java.util.EnumMap<>(CustomerSort.class);
        String rule = "{\"op\":\"AND\",\"rules\":[{\"field\":\"totalSpend\",\"operator\":\">\",\"value\":2000},"
                + "{\"field\":\"visits\",\"operator\":\"<\",\"value\":8}]}";
        for (CustomerSort sort : CustomerSort.values()) {
            orders.put(sort, ids(a, sort));
        }
        long audience = a.store().audience().countMatching(com.crmplatform.segment.RuleJson.parse(rule), LocalDate.now());
        Customer someone = a.services().customers().page(CustomerQuery.all(), PageRequest.first(1)).items().get(0);

        Workstation b = workstation("b");
        List<String> missing = indexesMissing(b.data());
        assertFalse(missing.isEmpty(), "the first sync leaves some indexes for after the opening");
        assertTrue(b.sync().status().preparingSearch(), "the status bar says so");
        assertFalse(missing.contains("customers_email_lc") || missing.contains("customers_name")
                || missing.contains("orders_date") || missing.contains("orders_customer_date"), missing.toString());
        for (CustomerSort sort : CustomerSort.values()) { // every list, search and count works before them, the same
            assertEquals(orders.get(sort), ids(b, sort), sort.name());
        }
        assertEquals(audience, b.store().audience().countMatching(com.crmplatform.segment.RuleJson.parse(rule), LocalDate.now()));
        String surname = someone.name().substring(someone.name().lastIndexOf(' ') + 1);
        assertTrue(b.services().customers().page(new CustomerQuery(surname, CustomerSort.NAME, com.crmplatform.store.SortDirection.ASCENDING),
                PageRequest.first(50)).items().stream().anyMatch(c -> c.id().equals(someone.id())), "found by surname");

        // The window's background sync builds one per run; a sync asked for builds the rest.
        b.sync().syncQuietly();
        assertEquals(missing.size() - 1, indexesMissing(b.data()).size(), "one index per background run");
        b.create("Late Comer", "late@example.com");
        assertEquals(1, b.sync().status().pending(), "the outbox triggers are back once the first sync ends");
        b.sync().buildSearchIndexQuietly(); // as the window does while offline
        assertEquals(missing.size() - 2, indexesMissing(b.data()).size());
        team.cut();
        assertThrows(com.crmplatform.store.StoreException.class, () -> b.sync().syncNow((d, t) -> { }, () -> false));
        assertEquals(List.of(), indexesMissing(b.data()), "sync now builds the rest even offline");
        assertFalse(b.sync().status().preparingSearch());
        team.restore();
        syncNow(b);
        assertEquals(orders.get(CustomerSort.TOTAL_SPEND).size() + 1, ids(b, CustomerSort.TOTAL_SPEND).size());
        assertTrue(a.services().customers().findByEmail("late@example.com").isEmpty());
        syncNow(a);
        assertTrue(a.services().customers().findByEmail("late@example.com").isPresent(), "b's new customer reached a");
    }

    @Test
    void aFirstSyncThatAnotherProcessFinishesFirstStopsWithoutTouchingTheReplica() throws Exception {
        Workstation a = workstation("a");
        a.services().demoData().seed(500, 50, 3, n -> { });
        syncNow(a);
        Path file = dir.resolve("shared.db");
        try (SqliteStore first = SqliteStore.openFile(file); SqliteStore second = SqliteStore.openFile(file)) {
            MongoDatabase db = central();
            Replica mine = new Replica(first.database());
            Replica other = new Replica(second.database()); // as another process would: its own connection
            FirstSync slower = new FirstSync(other, db.getCollection("customers"), db.getCollection("orders"),
                    new MongoChangeLog(db, java.time.Duration.ofSeconds(10)), Runnable::run);
            FirstSync faster = new FirstSync(mine, db.getCollection("customers"), db.getCollection("orders"),
                    new MongoChangeLog(db, java.time.Duration.ofSeconds(10)), Runnable::run);
            boolean[] overtaken = {false};
            List<Long> triggersSeen = new ArrayList<>();
            // The slower one has read "not synced yet" when the faster one does the whole copy; each
            // page it would copy after that is a moment the replica in use must keep its triggers.
            slower.run((done, total) -> {
                if (!overtaken[0]) {
                    overtaken[0] = true;
                    faster.run((d, t) -> { }, () -> false);
                } else {
                    triggersSeen.add(first.database().read(c -> {
                        try (var st = c.createStatement();
                             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")) {
                            return rs.next() ? rs.getLong(1) : 0L;
                        }
                    }));
                }
            }, () -> false);
            assertTrue(overtaken[0]);
            assertEquals(List.of(), triggersSeen, "the slower first sync stopped at once");
            assertTrue(mine.state().synced());
            assertEquals(500, first.customers().count(CustomerQuery.all()));
            Customer someone = first.customers().page(CustomerQuery.all(), PageRequest.first(1)).items().get(0);
            first.customers().update(someone.withDetails(new CustomerDraft(someone.name(), someone.email(), someone.phone(),
                    "Nashik", someone.totalSpend(), someone.visits(), someone.lastPurchaseDate()),
                    someone.audit().touched(java.time.Instant.now(), "me")), someone.version());
            assertEquals(1, mine.pendingCount(), "the triggers are still on the replica in use");
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
                List<String> missing = com.crmplatform.store.sqlite.CustomerOrderIndexes.missing(c);
                assertFalse(missing.contains("customers_email_lc") || missing.contains("customers_name"), missing.toString());
            }
        }
    }

    private static List<String> ids(Workstation w, CustomerSort sort) {
        return w.services().customers().page(new CustomerQuery("", sort, com.crmplatform.store.SortDirection.DESCENDING),
                PageRequest.first(10_000)).items().stream().map(Customer::id).toList();
    }

    private static List<String> indexesMissing(Path data) throws Exception {
        Path file = Files.list(data).filter(f -> f.getFileName().toString().endsWith(".db")).findFirst().orElseThrow();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return com.crmplatform.store.sqlite.CustomerOrderIndexes.missing(c);
        }
    }

    @Test
    void aReplicaThatSyncedOpensOfflineAndOneThatNeverDidSaysWhy() throws Exception {
        Workstation a = workstation("a");
        a.create("Asha Rao", "asha@example.com");
        syncAll();
        a.close();
        workstations.clear();

        team.cut();
        long started = System.nanoTime();
        Workstation again = workstation("a");
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "opens on the replica without waiting long");
        assertEquals(1, again.snapshot().size());
        assertFalse(again.sync().probe().online());
        again.create("Offline Entry", "offline@example.com");
        assertEquals(1, again.sync().status().pending());
        StoreException e = assertThrows(StoreException.class, () -> again.services().campaigns().history(10));
        assertTrue(e.getMessage().contains("needs the central MongoDB database"), e.getMessage());

        StoreException never = assertThrows(StoreException.class, () -> workstation("fresh"));
        assertTrue(never.getMessage().contains("Cannot reach"), never.getMessage());

        team.restore();
        syncNow(again);
        assertEquals(2, centralSnapshot().size());
    }
}
