package com.crmplatform.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.customer.Customer;
import com.crmplatform.store.StoreFixture;
import com.crmplatform.store.TestData;
import com.crmplatform.store.mongo.MongoDocs;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MongoDB has no multi-document transactions here, so an order write is a resumable protocol.
 * These tests leave it where a crash would, then restart the store, and check nothing is lost
 * or counted twice.
 */
class MongoInterruptedOrderWriteTest {

    StoreFixture.MongoFixture fixture;
    MongoClient raw;
    MongoCollection<Document> orders;
    MongoCollection<Document> customers;
    Customer customer;

    @BeforeEach
    void open() {
        fixture = StoreFixture.mongo();
        raw = MongoClients.create(fixture.url());
        orders = raw.getDatabase("crm-test").getCollection("orders");
        customers = raw.getDatabase("crm-test").getCollection("customers");
        customer = TestData.customer("Farah Khan", "farah@example.com", "100.00", 1, LocalDate.of(2026, 1, 1));
        fixture.store().customers().insert(customer);
    }

    @AfterEach
    void close() {
        raw.close();
        fixture.close();
    }

    @Test
    void crashAfterStoringTheOrderIsFinishedAtTheNextStart() {
        Order o = TestData.order(customer, "50.50", LocalDate.of(2026, 2, 2));
        orders.insertOne(MongoOrderRepository.toDocument(o)); // step 1 only, then the crash

        fixture.reopen(); // start-up runs the recovery
        assertTotals("150.50", 2, LocalDate.of(2026, 2, 2));
        assertTrue(orders.find(Filters.eq("_id", MongoDocs.oid(o.id()))).first().getBoolean("applied"));
        assertEquals(0, ((MongoOrderRepository) fixture.store().orders()).recoverInterruptedWrites(), "nothing left to finish");
        assertTotals("150.50", 2, LocalDate.of(2026, 2, 2));
    }

    @Test
    void crashAfterMovingTheTotalsDoesNotCountTheOrderAgain() {
        Order o = TestData.order(customer, "25.00", LocalDate.of(2026, 3, 3));
        orders.insertOne(MongoOrderRepository.toDocument(o));
        // the customer's totals include the order (and list it), the order was not marked processed
        customers.updateOne(Filters.eq("_id", MongoDocs.oid(customer.id())), Updates.combine(
                Updates.set("totalSpend", MongoDocs.money(new BigDecimal("125.00"))), Updates.set("visits", 2),
                Updates.set("lastPurchaseDate", MongoDocs.date(LocalDate.of(2026, 3, 3))),
                Updates.inc("version", 1L), Updates.push(MongoDocs.APPLIED, o.id())));

        fixture.reopen();
        assertTotals("125.00", 2, LocalDate.of(2026, 3, 3));
        assertFalse(fixture.store().orders().create(o), "a retry by the client is recognised too");
        assertTotals("125.00", 2, LocalDate.of(2026, 3, 3));
        List<?> counted = customers.find(Filters.eq("_id", MongoDocs.oid(customer.id()))).first()
                .getList(MongoDocs.APPLIED, Object.class);
        assertEquals(1, counted.stream().filter(o.id()::equals).count(), "listed once: " + counted);
    }

    @Test
    void aBatchRetriedAfterACrashCountsEachOrderOnce() {
        Order done = TestData.order(customer, "25.00", LocalDate.of(2026, 3, 3));
        orders.insertOne(MongoOrderRepository.toDocument(done));
        customers.updateOne(Filters.eq("_id", MongoDocs.oid(customer.id())), Updates.combine(
                Updates.set("totalSpend", MongoDocs.money(new BigDecimal("125.00"))), Updates.set("visits", 2),
                Updates.set("lastPurchaseDate", MongoDocs.date(LocalDate.of(2026, 3, 3))),
                Updates.inc("version", 1L), Updates.push(MongoDocs.APPLIED, done.id())));
        Customer other = TestData.customer("Dev Shah", "dev@example.com");
        fixture.store().customers().insert(other);
        Order fresh = TestData.order(customer, "5.00", LocalDate.of(2026, 4, 1));
        Order forOther = TestData.order(other, "7.50", LocalDate.of(2026, 4, 2));
        assertEquals(2, fixture.store().orders().createAll(List.of(done, fresh, forOther)), "the first was stored before");
        assertTotals("130.00", 3, LocalDate.of(2026, 4, 1));
        assertEquals(new BigDecimal("7.50"), fixture.store().customers().findById(other.id()).orElseThrow().totalSpend());
        assertEquals(2, customers.find(Filters.eq("_id", MongoDocs.oid(customer.id()))).first()
                .getList(MongoDocs.APPLIED, Object.class).size(), "the retried order and the fresh one, once each");
    }

    @Test
    void crashInTheMiddleOfACancellationIsFinishedOnce() {
        Order first = TestData.order(customer, "10.00", LocalDate.of(2026, 1, 20));
        Order o = TestData.order(customer, "40.00", LocalDate.of(2026, 4, 4));
        fixture.store().orders().createAll(List.of(first, o));
        assertTotals("150.00", 3, LocalDate.of(2026, 4, 4));
        // the order was marked cancelled, then the crash: the totals still count it
        orders.updateOne(Filters.eq("_id", MongoDocs.oid(o.id())), Updates.combine(
                Updates.set("status", "CANCELLED"), Updates.set("reverted", false), Updates.inc("version", 1L)));

        fixture.reopen();
        assertTotals("110.00", 2, LocalDate.of(2026, 1, 20));
        fixture.store().orders().cancel(o.id(), "local:test", TestData.NOW);
        assertTotals("110.00", 2, LocalDate.of(2026, 1, 20));
    }

    private void assertTotals(String spend, int visits, LocalDate last) {
        Customer c = fixture.store().customers().findById(customer.id()).orElseThrow();
        assertEquals(new BigDecimal(spend), c.totalSpend());
        assertEquals(visits, c.visits());
        assertEquals(last, c.lastPurchaseDate());
    }
}
