package com.crmplatform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.MongoStore;
import com.crmplatform.app.ReplicaStore;
import com.crmplatform.app.Services;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.customer.Customer;
import com.crmplatform.order.Order;
import com.crmplatform.order.MongoOrderRepository;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.sqlite.SqliteDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Harder team-mode scenarios, from an adversarial review: orders on records in conflict, choices
 * made on several workstations, bulk work across several push batches, a first sync while others
 * write, retries after lost commits. Each ends with every replica equal to the server, totals
 * following orders, and a sync that moves nothing.
 */
class SyncScenariosTest extends TeamFixture {

    static String field(Map<String, String> snap, String email, int i) {
        return snap.get(email).split("\\|")[i];
    }

    void assertTotals(String email, String spend, int visits) {
        for (Workstation w : workstations) {
            Customer x = w.byEmail(email);
            assertEquals(0, new BigDecimal(spend).compareTo(x.totalSpend()), "spend in " + w.data().getFileName() + ": " + x.totalSpend());
            assertEquals(visits, x.visits(), "visits in " + w.data().getFileName());
        }
        Customer central = com.crmplatform.customer.MongoCustomerRepository.fromDocument(
                central().getCollection("customers").find(Filters.eq("emailLc", email)).first());
        assertEquals(0, new BigDecimal(spend).compareTo(central.totalSpend()), "central spend " + central.totalSpend());
        assertEquals(visits, central.visits(), "central visits");
    }


    @Test
    void anOrderCancelledOfflineWhileAnotherWorkstationAddsOrders() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        Order first = a.order("asha@example.com", "10.00");
        a.order("asha@example.com", "20.00");
        syncAll();
        team.cut();
        a.services().orders().cancel(first);
        b.order("asha@example.com", "5.00");
        b.order("asha@example.com", "7.00");
        Order bc = b.order("asha@example.com", "1.00");
        b.services().orders().cancel(bc);
        team.restore();
        syncAll();
        assertTotals("asha@example.com", "32.00", 3);
        assertAllEqualCentral();
        assertQuiet();
    }

    @Test
    void threeWorkstationsEditingTheSameAndDifferentFields() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        Workstation c = workstation("c");
        shareAshaAndBo(a);
        team.cut();
        a.edit("asha@example.com", "city", "Pune");
        b.edit("asha@example.com", "phone", "+91 90000 11111");
        c.edit("asha@example.com", "city", "Goa");
        c.edit("asha@example.com", "name", "Asha R");
        b.edit("asha@example.com", "city", "Delhi");
        team.restore();
        syncNow(c);
        syncNow(b);
        syncNow(a);
        syncAll();
        int open = a.sync().conflicts().size() + b.sync().conflicts().size() + c.sync().conflicts().size();
        assertEquals(2, open, "b and a each conflict with c's city");
        for (Workstation w : List.of(a, b)) {
            for (Conflict x : w.sync().conflicts()) {
                w.sync().resolve(x.id(), w == b);
            }
            syncAll();
        }
        syncAll();
        assertEquals(0, a.sync().conflicts().size() + b.sync().conflicts().size() + c.sync().conflicts().size(),
                "" + c.sync().conflicts());
        assertEquals("Delhi|+91 90000 11111|Asha R", c.byEmail("asha@example.com").city() + "|" + c.byEmail("asha@example.com").phone()
                + "|" + c.byEmail("asha@example.com").name());
        assertAllEqualCentral();
        assertQuiet();
    }

    @Test
    void aConflictResolvedThenTheSameFieldEditedAgainBeforeASync() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        team.cut();
        a.edit("asha@example.com", "city", "Pune");
        b.edit("asha@example.com", "city", "Goa");
        a.edit("bo@example.com", "city", "Pune");
        b.edit("bo@example.com", "city", "Goa");
        team.restore();
        syncNow(a);
        syncNow(b);
        for (Conflict x : b.sync().conflicts()) {
            b.sync().resolve(x.id(), x.record().startsWith("asha"));
        }
        b.edit("asha@example.com", "city", "Agra");
        b.edit("bo@example.com", "city", "Kota");
        syncAll();
        assertEquals(List.of(), a.sync().conflicts());
        assertEquals(List.of(), b.sync().conflicts());
        assertEquals("Agra", a.byEmail("asha@example.com").city());
        assertEquals("Kota", a.byEmail("bo@example.com").city());
        assertAllEqualCentral();
        assertQuiet();
    }

    @Test
    void editedDeletedEnteredAgainAndUndoneOffline() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        b.order("asha@example.com", "10.00");
        b.order("bo@example.com", "3.00");
        syncAll();
        team.cut();
        a.edit("asha@example.com", "city", "Pune");
        a.delete("asha@example.com");
        a.create("Asha New", "asha@example.com");
        a.order("asha@example.com", "4.00");
        var gone = a.services().customerRemovals().delete(a.byEmail("bo@example.com"));
        a.services().customerRemovals().undo(gone);
        a.edit("bo@example.com", "city", "Kota");
        team.restore();
        syncAll();
        assertTotals("asha@example.com", "4.00", 1);
        assertTotals("bo@example.com", "3.00", 1);
        assertEquals(List.of(), a.sync().conflicts());
        assertAllEqualCentral();
        assertQuiet();
    }

    @Test
    void aDeletionUndoneAfterItWasPushed() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        b.order("bo@example.com", "3.00");
        syncAll();
        var gone = a.services().customerRemovals().delete(a.byEmail("bo@example.com"));
        syncAll();
        a.services().customerRemovals().undo(gone);
        syncAll();
        assertTotals("bo@example.com", "3.00", 1);
        assertEquals(1, central().getCollection("orders").countDocuments());
        assertAllEqualCentral();
        assertQuiet();
    }

    @Test
    void ordersOnACustomerWithAnOpenFieldConflictResolvedEachWay() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        team.cut();
        a.edit("asha@example.com", "city", "Pune");
        b.edit("asha@example.com", "city", "Goa");
        a.edit("bo@example.com", "city", "Pune");
        b.edit("bo@example.com", "city", "Goa");
        team.restore();
        syncNow(a);
        syncNow(b);
        assertEquals(2, b.sync().conflicts().size());
        b.order("asha@example.com", "10.00");
        a.order("asha@example.com", "1.00");
        b.order("bo@example.com", "2.00");
        syncAll();
        Order c1 = b.order("bo@example.com", "5.00");
        b.services().orders().cancel(c1);
        for (Conflict x : b.sync().conflicts()) {
            b.sync().resolve(x.id(), x.record().startsWith("asha"));
        }
        syncAll();
        assertTotals("asha@example.com", "11.00", 2);
        assertTotals("bo@example.com", "2.00", 1);
        assertEquals(4, central().getCollection("orders").countDocuments());
        assertAllEqualCentral();
        assertQuiet();
    }

    @Test
    void ordersOnARecordConflictResolvedTheirs() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        a.order("asha@example.com", "8.00");
        syncAll();
        team.cut();
        a.delete("asha@example.com");
        b.edit("asha@example.com", "city", "Goa");
        b.order("asha@example.com", "12.00");
        Order old = b.services().orders().page(OrderQuery.all(), PageRequest.first(10)).items().stream()
                .filter(o -> o.amount().compareTo(new BigDecimal("8.00")) == 0).findFirst().orElseThrow();
        b.services().orders().cancel(old);
        team.restore();
        syncAll();
        Conflict x = b.sync().conflicts().get(0);
        b.sync().resolve(x.id(), true);
        syncAll();
        assertTotals("asha@example.com", "12.00", 1);
        assertAllEqualCentral();
        assertQuiet();
    }

    @Test
    void ordersWhileAnEmailClashIsOpen() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        b.create("Zed Shah", "zed@example.com");
        syncNow(b);
        a.edit("asha@example.com", "email", "zed@example.com");
        a.order("zed@example.com", "6.00");
        syncNow(a);
        assertEquals(1, a.sync().conflicts().size());
        a.order("zed@example.com", "4.00");
        b.order("asha@example.com", "1.00");
        syncAll();
        a.sync().resolve(a.sync().conflicts().get(0).id(), false);
        syncAll();
        assertTotals("asha@example.com", "11.00", 3);
        assertTotals("zed@example.com", "0", 0);
        assertAllEqualCentral();
        assertQuiet();
    }

    @Test
    void aConflictAlreadySettledByAPullCannotBeResolvedAgain() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        team.cut();
        a.edit("asha@example.com", "city", "Pune");
        b.edit("asha@example.com", "city", "Goa");
        team.restore();
        syncNow(a);
        syncNow(b);
        Conflict x = b.sync().conflicts().get(0);
        a.edit("asha@example.com", "city", "Goa");
        syncNow(a);
        syncNow(b);
        assertEquals(List.of(), b.sync().conflicts());
        assertThrows(StoreException.class, () -> b.sync().resolve(x.id(), false));
        syncAll();
        assertAllEqualCentral();
        assertQuiet();
    }

    void assertTotalsFollowOrders() {
        Map<String, BigDecimal> byCustomer = new java.util.HashMap<>();
        Map<String, Integer> visits = new java.util.HashMap<>();
        for (Document o : central().getCollection("orders").find(Filters.eq("status", "ACTIVE"))) {
            Order x = MongoOrderRepository.fromDocument(o);
            byCustomer.merge(x.customerId(), x.amount(), BigDecimal::add);
            visits.merge(x.customerId(), 1, Integer::sum);
        }
        int checked = 0;
        for (Document d : central().getCollection("customers").find()) {
            Customer c = com.crmplatform.customer.MongoCustomerRepository.fromDocument(d);
            assertEquals(0, byCustomer.getOrDefault(c.id(), BigDecimal.ZERO).compareTo(c.totalSpend()), c.toString());
            assertEquals((int) visits.getOrDefault(c.id(), 0), c.visits(), c.toString());
            checked++;
        }
        assertTrue(checked > 0);
    }

    @Test
    void bulkOfflineWorkAcrossSeveralPushBatchesMixedWithEdits() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        team.cut();
        a.services().demoData().seed(10_500, 2_000, 7, n -> { });
        a.edit("asha@example.com", "city", "Pune");
        a.order("asha@example.com", "9.00");
        b.edit("asha@example.com", "phone", "+91 90000 22222");
        b.order("bo@example.com", "4.00");
        team.restore();
        SyncEngine.Outcome first = syncOnce(a);
        assertTrue(first.pushed() >= 12_500, first.toString());
        syncAll();
        assertEquals(10_502, central().getCollection("customers").countDocuments());
        assertTotalsFollowOrders();
        assertEquals("Pune|+91 90000 22222", b.byEmail("asha@example.com").city() + "|" + b.byEmail("asha@example.com").phone());
        assertAllEqualCentral();
        assertQuiet();
        Workstation c = workstation("c");
        assertEquals(centralSnapshot(), fullSnapshot(c));
    }

    @Test
    void theSameBulkEnteredOnTwoWorkstations() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        team.cut();
        a.services().demoData().seed(10_200, 300, 7, n -> { });
        b.services().demoData().seed(10_200, 300, 7, n -> { });
        team.restore();
        syncAll();
        assertEquals(10_202, central().getCollection("customers").countDocuments());
        assertEquals(600, central().getCollection("orders").countDocuments());
        assertTotalsFollowOrders();
        assertEquals(List.of(), a.sync().conflicts());
        assertEquals(List.of(), b.sync().conflicts());
        assertAllEqualCentral();
        assertQuiet();
    }

    @Test
    void aFirstSyncWhileOthersWrite() throws Exception {
        Workstation a = workstation("a");
        a.services().demoData().seed(12_000, 3_000, 3, n -> { });
        a.create("Asha Rao", "asha@example.com");
        a.create("Bo Chen", "bo@example.com");
        a.order("asha@example.com", "5.00");
        syncNow(a);
        Path data = Files.createDirectories(dir.resolve("late"));
        int[] calls = {0};
        ReplicaStore store = ReplicaStore.open(url, data, Clock.systemUTC(), (done, total) -> {
            calls[0]++;
            if (calls[0] == 2) {
                a.edit("asha@example.com", "city", "Pune");
                a.order("asha@example.com", "6.00");
                a.delete("bo@example.com");
                a.create("Cy Das", "cy@example.com");
                syncNow(a);
            }
            if (calls[0] == 4) {
                a.order("cy@example.com", "2.00");
                a.edit("cy@example.com", "phone", "+91 90000 33333");
                syncNow(a);
            }
        });
        assertTrue(calls[0] >= 4, "" + calls[0]);
        Services services = new Services(new AppConfig(data, Optional.of(url)), store, new LocalUser("late"), Clock.systemUTC());
        Workstation late = new Workstation(data, store, services);
        workstations.add(late);
        syncAll();
        assertTotals("asha@example.com", "11.00", 2);
        assertTotals("cy@example.com", "2.00", 1);
        assertAllEqualCentral();
        assertQuiet();
    }

    long ordersHere(Workstation w, String email) {
        return w.services().orders().count(OrderQuery.all()) >= 0
                ? w.services().orders().page(OrderQuery.all(), PageRequest.first(1_000)).items().stream()
                        .filter(o -> o.customerId().equals(w.byEmail(email).id())).count() : -1;
    }

    long ordersCentral(String email) {
        String id = central().getCollection("customers").find(Filters.eq("emailLc", email)).first().getObjectId("_id").toHexString();
        return central().getCollection("orders").countDocuments(Filters.eq("customerId", id));
    }

    // ---- found by this class, fixed ---------------------------------------------------------------

    /** Asha deleted on a, edited on b (and c); everyone offline, then online. */
    void deletedHereEditedThere(Workstation a, Workstation b, Workstation c) {
        shareAshaAndBo(a);
        team.cut();
        a.delete("asha@example.com");
        b.edit("asha@example.com", "city", "Mumbai");
        if (c != null) {
            c.edit("asha@example.com", "phone", "+91 90000 00002");
        }
        team.restore();
    }

    /** Two workstations keep the record a third deleted: the second merges with the first, nothing overwritten. */
    @Test
    void aRecordKeptOnTwoWorkstationsAgainstOneDeletionKeepsBothEdits() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        Workstation c = workstation("c");
        deletedHereEditedThere(a, b, c);
        syncAll();
        for (Workstation w : List.of(b, c)) {
            w.sync().resolve(w.sync().conflicts().get(0).id(), true); // keep it, with my edit
        }
        syncAll();
        assertEquals("Mumbai", field(centralSnapshot(), "asha@example.com", 3), "b's city");
        assertEquals("+91 90000 00002", field(centralSnapshot(), "asha@example.com", 2), "c's phone");
        assertEquals(List.of(), c.sync().conflicts());
        assertAllEqualCentral();
        assertQuiet();
    }

    /** A push whose insert landed but whose local commit was lost, retried after another workstation's edit. */
    @Test
    void aRetriedInsertDoesNotOverwriteAnEditMadeElsewhereMeanwhile() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        Customer x = a.create("Xia Wu", "xia@example.com");
        syncNow(a);
        try (Connection file = replicaFile(a); Statement st = file.createStatement()) {
            // What a kill -9 between MongoDB's acknowledgement and the replica's commit leaves.
            st.execute("DELETE FROM sync_base WHERE record_id = '" + x.id() + "'");
            st.execute("UPDATE customers SET sync_version = -1 WHERE id = '" + x.id() + "'");
            st.execute("INSERT INTO sync_outbox (kind, record_id) VALUES ('customer', '" + x.id() + "')");
        }
        syncNow(b);
        b.edit("xia@example.com", "city", "Kochi");
        syncNow(b);
        syncAll();
        assertEquals("Kochi", field(centralSnapshot(), "xia@example.com", 3));
        assertEquals(1, central().getCollection("customers").countDocuments());
        assertAllEqualCentral();
    }

    /**
     * A customer whose insert landed but whose local commit was lost, then deleted here: the
     * deletion goes (it used to be taken for that of a record never sent, and dropped, leaving the
     * customer everywhere but here); had another workstation changed it meanwhile, it asks.
     */
    @Test
    void aCustomerDeletedAfterItsInsertsAcknowledgementWasLostIsDeletedCentrally() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        Customer x = a.create("Xia Wu", "xia@example.com");
        Customer y = a.create("Yan Li", "yan@example.com");
        a.order("xia@example.com", "8.00");
        syncNow(a);
        loseTheCommitOf(a, x);
        loseTheCommitOf(a, y);
        syncNow(b);
        b.edit("yan@example.com", "city", "Kochi");
        syncNow(b);
        a.delete("xia@example.com");
        a.delete("yan@example.com");
        syncNow(a);
        assertEquals(0, central().getCollection("customers").countDocuments(Filters.eq("emailLc", "xia@example.com")));
        assertEquals(0, central().getCollection("orders").countDocuments());
        Conflict yan = a.sync().conflicts().get(0);
        assertEquals("yan@example.com", yan.record());
        assertEquals("deleted here", yan.mine());
        a.sync().resolve(yan.id(), true); // delete it all the same
        syncAll();
        assertEquals(0, central().getCollection("customers").countDocuments());
        assertAllEqualCentral();
        assertQuiet();
    }

    /**
     * A new customer here that was entered elsewhere first (the same email) becomes that one as the
     * push finds it, with the orders its totals count there: its totals here are what its orders
     * here add up to at once, not only after the pull that follows (a cut may come before it).
     */
    @Test
    void aCustomerEnteredTwiceBecomesTheOtherWithTheOrdersItsTotalsCount() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        a.create("Zara Khan", "zara@example.com");
        a.order("zara@example.com", "44.00");
        syncNow(a);
        b.create("Zara Khan", "zara@example.com");
        b.order("zara@example.com", "21.00");
        b.store().engine().orElseThrow().push(); // pushed, nothing pulled yet
        Customer zara = b.byEmail("zara@example.com");
        assertEquals(0, new BigDecimal("65.00").compareTo(zara.totalSpend()), "totals here " + zara.totalSpend());
        assertEquals(2, ordersHere(b, "zara@example.com"));
        syncAll();
        assertTotals("zara@example.com", "65.00", 2);
        assertAllEqualCentral();
    }

    /**
     * An edit pushed on a base another workstation's order has moved is merged with what the push
     * finds centrally, and that customer comes with the order its totals now count, before any pull.
     */
    @Test
    void anEditMergedWithWhatThePushFindsComesWithTheOrdersItsTotalsCount() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        b.order("asha@example.com", "20.00");
        syncNow(b);
        a.edit("asha@example.com", "city", "Goa");
        a.store().engine().orElseThrow().push(); // pushed, nothing pulled yet
        Customer asha = a.byEmail("asha@example.com");
        assertEquals(0, new BigDecimal("20.00").compareTo(asha.totalSpend()), "totals here " + asha.totalSpend());
        assertEquals(1, ordersHere(a, "asha@example.com"));
        syncAll();
        assertEquals("Goa", field(centralSnapshot(), "asha@example.com", 3));
        assertAllEqualCentral();
    }

    /**
     * A customer deleted centrally, kept on one workstation whose re-insert is adopted by a new
     * customer with its email: its orders move to that customer centrally. Another workstation that
     * held them under the old customer moves them too, whichever choice it then makes.
     */
    @ParameterizedTest(name = "the other keeper chooses mine: {0}")
    @ValueSource(booleans = {true, false})
    void ordersMovedCentrallyToAnotherCustomerMoveEverywhere(boolean mine) throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        Workstation c = workstation("c");
        c.create("Dev Roy", "dev@example.com");
        c.order("dev@example.com", "10.00");
        syncAll();
        b.edit("dev@example.com", "email", "dev.roy@example.com"); // b keeps it too, under another email
        a.edit("dev@example.com", "city", "Pune");
        c.delete("dev@example.com");
        syncNow(c);
        c.create("Devi Rao", "dev@example.com"); // a new customer takes the email
        syncNow(c);
        syncNow(a);
        a.sync().resolve(a.sync().conflicts().get(0).id(), true); // keep: adopted by Devi Rao, with the order
        syncNow(a);
        syncNow(b);
        for (Conflict open : b.sync().conflicts()) {
            b.sync().resolve(open.id(), mine);
        }
        syncAll();
        for (Conflict open : a.sync().conflicts()) { // the adopted name: Devi Rao's, as central has it
            a.sync().resolve(open.id(), false);
        }
        syncAll();
        assertEquals(List.of(), b.sync().conflicts());
        assertTotalsFollowActiveOrders();
        assertAllEqualCentral();
        assertQuiet();
    }

    /** What a kill -9 between MongoDB's acknowledgement of a new customer and the replica's commit leaves. */
    private static void loseTheCommitOf(Workstation w, Customer x) throws Exception {
        try (Connection file = replicaFile(w); Statement st = file.createStatement()) {
            st.execute("DELETE FROM sync_base WHERE record_id = '" + x.id() + "'");
            st.execute("UPDATE customers SET sync_version = -1 WHERE id = '" + x.id() + "'");
            st.execute("INSERT INTO sync_outbox (kind, record_id) VALUES ('customer', '" + x.id() + "')");
        }
    }

    /** "Keep central" for a record deleted here brings it back with its orders, not only its totals. */
    @Test
    void aRecordBroughtBackByAChoiceComesWithItsOrders() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        b.order("asha@example.com", "10.00");
        syncAll();
        team.cut();
        a.delete("asha@example.com");
        b.edit("asha@example.com", "city", "Goa");
        team.restore();
        syncNow(b);
        syncNow(a);
        a.sync().resolve(a.sync().conflicts().get(0).id(), false); // theirs
        syncAll();
        assertAllEqualCentral();
        assertEquals(1, ordersHere(a, "asha@example.com"));
    }

    /** A customer held out by an email clash arrives, once the clash is settled, with the orders logged meanwhile. */
    @Test
    void aCustomerHeldOutByAnEmailClashArrivesWithItsOrders() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        b.create("Zed Shah", "zed@example.com");
        b.order("zed@example.com", "7.00");
        syncNow(b);
        a.edit("asha@example.com", "email", "zed@example.com"); // a has not pulled Zed
        syncNow(a);
        SyncEngine.Outcome waiting = syncOnce(a);
        assertTrue(waiting.pulled() == 0 && waiting.pushed() == 0, "Zed and his order wait without going round: " + waiting);
        a.sync().resolve(a.sync().conflicts().get(0).id(), false);
        syncAll();
        assertEquals(1, ordersHere(a, "zed@example.com"));
        assertAllEqualCentral();
    }

    /** What waits on a choice is not logged again at every push (each would make the others fetch it). */
    @Test
    void rowsKeptBackAreNotLoggedAtEveryPush() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        deletedHereEditedThere(a, b, null);
        b.order("asha@example.com", "12.00"); // held by b's open record conflict
        syncAll();
        long log = central().getCollection("changes").countDocuments();
        syncOnce(b);
        assertEquals(new SyncEngine.Outcome(0, 0), syncOnce(a));
        assertEquals(log, central().getCollection("changes").countDocuments());
    }

    /**
     * "Keep my deletion" goes through when nothing changed there since; another workstation's new
     * order after the choice is a change too (it would go with the customer), so it asks again.
     */
    @Test
    void keepingADeletionStandsUnlessSomeoneOrderedMeanwhile() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        Workstation c = workstation("c");
        deletedHereEditedThere(a, b, null);
        syncNow(b);
        syncAll();
        c.order("asha@example.com", "25.00");
        syncNow(c);
        a.sync().resolve(a.sync().conflicts().get(0).id(), true); // keep my deletion
        syncNow(a);
        Conflict again = a.sync().conflicts().get(0);
        assertEquals("deleted here", again.mine());
        assertTrue(again.theirs().contains("orders there"), again.theirs());

        a.sync().resolve(again.id(), true); // still: delete it, with its orders
        syncAll();
        assertEquals(List.of(), a.sync().conflicts());
        assertTrue(b.services().customers().findByEmail("asha@example.com").isEmpty());
        assertEquals(0, central().getCollection("orders").countDocuments());
        assertAllEqualCentral();
        assertQuiet();
    }

    /** A record deleted by a choice takes its other open conflicts with it. */
    @Test
    void aFieldConflictGoesWithItsDeletedRecord() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        team.cut();
        a.edit("asha@example.com", "city", "Pune");
        b.edit("asha@example.com", "city", "Goa");
        team.restore();
        syncNow(a);
        syncNow(b);
        a.delete("asha@example.com");
        syncNow(a);
        syncNow(b);
        b.sync().resolve(b.sync().conflicts().stream().filter(x -> x.field().equals(Replica.RECORD)).findFirst()
                .orElseThrow().id(), false); // theirs: deleted
        syncAll();
        assertEquals(List.of(), b.sync().conflicts());
        assertAllEqualCentral();
    }

    /** "Keep central" on an email clash whose old address a new customer here took meanwhile: a clear refusal. */
    @Test
    void keepingCentralEmailThatANewCustomerHereTookSaysWhoHasIt() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        b.create("Zed Shah", "zed@example.com");
        syncNow(b);
        a.edit("asha@example.com", "email", "zed@example.com");
        syncNow(a);
        a.create("Asha Menon", "asha@example.com");
        long clash = a.sync().conflicts().get(0).id();
        StoreException refused = assertThrows(StoreException.class, () -> a.sync().resolve(clash, false));
        assertTrue(refused.getMessage().contains("Asha Menon on this computer has it now"), refused.getMessage());
        assertEquals(clash, a.sync().conflicts().get(0).id(), "still open, nothing changed");

        a.edit("asha@example.com", "email", "asha.menon@example.com"); // what the message asks for
        a.sync().resolve(clash, false);
        syncAll();
        assertEquals(List.of(), a.sync().conflicts());
        assertEquals("Asha Rao", b.byEmail("asha@example.com").name());
        assertEquals("Asha Menon", b.byEmail("asha.menon@example.com").name());
        assertAllEqualCentral();
    }

    /** An order that landed before a deletion from elsewhere is not deleted unseen: edit vs delete, either way round. */
    @Test
    void anOrderThatLandedBeforeADeletionIsAConflictNotDeletedUnseen() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        a.order("asha@example.com", "5.00"); // a's own earlier order: no reason for a conflict
        syncAll();
        team.cut();
        a.delete("asha@example.com");
        b.order("asha@example.com", "99.00");
        team.restore();
        syncNow(b); // the order lands first
        syncNow(a);
        Conflict onA = a.sync().conflicts().get(0);
        assertEquals("deleted here", onA.mine());
        assertTrue(onA.theirs().contains("total 104"), onA.theirs());
        assertEquals(2, central().getCollection("orders").countDocuments());

        a.sync().resolve(onA.id(), false); // keep central: Asha comes back with both orders
        syncAll();
        assertTotals("asha@example.com", "104.00", 2);
        assertEquals(2, ordersHere(a, "asha@example.com"));
        assertAllEqualCentral();
        assertQuiet();
    }

    /** A customer this workstation created and ordered for, later deleted here: no conflict with its own orders. */
    @Test
    void deletingACustomerWhoseOrdersWereAllOursIsNoConflict() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        a.create("Cy Das", "cy@example.com");
        a.order("cy@example.com", "3.00");
        syncNow(a); // inserted and ordered in one push
        a.order("cy@example.com", "4.00");
        syncNow(a);
        syncAll();
        a.delete("cy@example.com");
        syncAll();
        assertEquals(List.of(), a.sync().conflicts());
        assertTrue(b.services().customers().findByEmail("cy@example.com").isEmpty());
        assertEquals(0, central().getCollection("orders").countDocuments());
        assertAllEqualCentral();
    }

    /** Two customers' emails swapped offline: a ring no order of writes settles; one clash, a person's, not a wait for ever. */
    @Test
    void emailsSwappedBetweenTwoCustomersAreOneClashAPersonSettles() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        a.edit("asha@example.com", "email", "swap@example.com");
        a.edit("bo@example.com", "email", "asha@example.com");
        a.edit("swap@example.com", "email", "bo@example.com");
        syncNow(a);
        assertEquals(1, a.sync().conflicts().size(), "one clash to settle: " + a.sync().conflicts());
        String ashaId = b.byEmail("asha@example.com").id();
        a.order("bo@example.com", "9.00"); // Asha's (her email here now), while her edit waits
        syncNow(a);
        syncNow(b);
        assertEquals(0, new BigDecimal("9.00").compareTo(b.services().customers().find(ashaId).orElseThrow().totalSpend()),
                "her totals reach b while her email waits");

        a.edit(a.sync().conflicts().get(0).record(), "email", "parked@example.com"); // the person breaks the ring
        for (Conflict open : a.sync().conflicts()) {
            a.sync().resolve(open.id(), true);
        }
        syncAll();
        assertEquals(List.of(), a.sync().conflicts());
        assertAllEqualCentral();
        assertQuiet();
    }

    /** A's own order does not carry its base past another workstation's order it has not pulled yet. */
    @Test
    void anotherWorkstationsOrderNotPulledYetStillStopsADeletion() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        b.order("asha@example.com", "20.00");
        syncNow(b);
        a.order("asha@example.com", "3.00");
        a.store().engine().orElseThrow().push(); // pushed, nothing pulled yet
        a.delete("asha@example.com");
        syncNow(a);
        assertEquals("deleted here", a.sync().conflicts().get(0).mine(), "b's order is not deleted unseen");
        assertEquals(2, central().getCollection("orders").countDocuments());
    }

    /**
     * Another workstation's order counted in while ours go (between the push's reads of the customer
     * before and after them) is not taken for ours: the base stays, and a deletion here asks.
     */
    @Test
    void anOrderFromElsewhereLandingWhileOursGoStillStopsADeletion() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        a.order("asha@example.com", "3.00");
        Path file;
        try (java.util.stream.Stream<Path> files = Files.list(a.data())) {
            file = files.filter(f -> f.getFileName().toString().matches("replica-.*\\.db")).findFirst().orElseThrow();
        }
        try (SqliteDatabase replica = SqliteDatabase.open(file); MongoStore central = MongoStore.open(url, 5_000)) {
            OrderRepository orders = central.orders();
            // a's orders count in centrally; b's order lands right after, before a's push reads Asha again.
            OrderRepository thenB = (OrderRepository) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {OrderRepository.class}, (proxy, method, args) -> {
                        Object result = method.invoke(orders, args);
                        if (method.getName().equals("createAll")) {
                            b.order("asha@example.com", "20.00");
                            syncNow(b);
                        }
                        return result;
                    });
            new SyncEngine(new Replica(replica), central.database(), thenB, Runnable::run).push();
        }
        assertEquals(2, central().getCollection("orders").countDocuments());
        a.delete("asha@example.com");
        syncNow(a);
        assertEquals("deleted here", a.sync().conflicts().get(0).mine(), "b's order is not deleted unseen");
        assertEquals(2, central().getCollection("orders").countDocuments());
    }

    /**
     * An order cancelled on one workstation, then its customer deleted on another, while a third
     * changed the customer: the third keeps it, and it comes back with totals that are what its
     * orders add up to (the cancelled order, gone centrally, used to leave its amount in the totals
     * kept here, and so centrally as an opening total no order explains).
     */
    @Test
    void aCustomerKeptAgainstADeletionComesBackWithTotalsItsOrdersAddUpTo() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        Workstation c = workstation("c");
        shareAshaAndBo(a);
        Order first = c.order("asha@example.com", "10.00");
        c.order("asha@example.com", "4.00");
        syncAll();
        b.services().orders().cancel(first); // the same order, pulled by b
        syncNow(b);
        syncNow(a);
        c.edit("asha@example.com", "city", "Pune"); // c has not seen the cancel
        a.delete("asha@example.com"); // a has
        syncNow(a);
        syncNow(c);
        Conflict kept = c.sync().conflicts().get(0);
        assertEquals("kept here (changed since)", kept.mine());
        c.sync().resolve(kept.id(), true);
        syncAll();
        assertTotals("asha@example.com", "4.00", 1);
        assertTotalsFollowActiveOrders();
        assertAllEqualCentral();
        assertQuiet();
    }

    /**
     * A customer pulled before its orders' log entry is read (a cut between two batches of a pull,
     * here that entry never read at all) still arrives with every order its totals count, so that
     * its totals here are what its orders here add up to.
     */
    @Test
    void aPulledCustomerComesWithTheOrdersItsTotalsCount() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        Order first = a.order("asha@example.com", "10.00");
        Order second = a.order("asha@example.com", "5.00");
        syncNow(a);
        a.services().orders().cancel(second);
        syncNow(a);
        central().getCollection("changes").updateMany(Filters.eq("c", "orders"), Updates.set("ids", List.of()));
        syncNow(b);
        assertTotals("asha@example.com", "10.00", 1);
        assertEquals(Map.of(first.id(), "ACTIVE", second.id(), "CANCELLED"), orderStatuses(b));
        assertAllEqualCentral();
    }

    private static Map<String, String> orderStatuses(Workstation w) {
        Map<String, String> all = new java.util.TreeMap<>();
        w.services().orders().page(OrderQuery.all(), PageRequest.first(100)).items().forEach(o -> all.put(o.id(), o.status().name()));
        return all;
    }

    /** A push of our own order retried after a cut that lost its acknowledgement: the base still follows it. */
    @Test
    void aRetriedPushOfOurOwnOrderStillLetsTheCustomerBeDeletedWithoutAConflict() throws Exception {
        Workstation a = workstation("a");
        workstation("b");
        shareAshaAndBo(a);
        Customer asha = a.byEmail("asha@example.com");
        long baseBefore;
        try (Connection file = replicaFile(a); Statement st = file.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COALESCE((SELECT version FROM sync_base WHERE record_id = '"
                     + asha.id() + "'), (SELECT sync_version FROM customers WHERE id = '" + asha.id() + "'))")) {
            rs.next();
            baseBefore = rs.getLong(1);
        }
        Order o = a.order("asha@example.com", "7.00");
        syncNow(a);
        try (Connection file = replicaFile(a); Statement st = file.createStatement()) {
            // What a cut after the count-in, before the base followed, leaves: the old base, the row pending.
            st.execute("INSERT OR REPLACE INTO sync_base (record_id, version, name, email, phone, city) SELECT id, "
                    + baseBefore + ", name, email, phone, city FROM customers WHERE id = '" + asha.id() + "'");
            st.execute("INSERT INTO sync_outbox (kind, record_id) VALUES ('order', '" + o.id() + "')");
        }
        syncNow(a); // the retry counts nothing twice
        a.delete("asha@example.com");
        syncAll();
        assertEquals(List.of(), a.sync().conflicts(), "only a's own order was there");
        assertEquals(0, central().getCollection("customers").countDocuments(Filters.eq("emailLc", "asha@example.com")));
        assertAllEqualCentral();
    }

    /** A deletion cut after the customer went centrally, before its orders did: the retry takes the orders too. */
    @Test
    void aDeletionRetriedAfterACutBetweenCustomerAndOrdersLeavesNoOrphanOrders() throws Exception {
        Workstation a = workstation("a");
        Workstation b = workstation("b");
        shareAshaAndBo(a);
        b.order("bo@example.com", "2.00");
        a.order("asha@example.com", "6.00");
        syncAll();
        String ashaId = a.byEmail("asha@example.com").id();
        a.delete("asha@example.com");
        // What a cut between the two deletions leaves: the customer gone centrally, its orders there, the row pending here.
        central().getCollection("customers").deleteOne(Filters.eq("_id", new org.bson.types.ObjectId(ashaId)));
        syncNow(a);
        assertEquals(0, central().getCollection("orders").countDocuments(Filters.eq("customerId", ashaId)));
        assertEquals(1, central().getCollection("orders").countDocuments(), "Bo's order stays");
        syncAll();
        assertAllEqualCentral();
    }
}
