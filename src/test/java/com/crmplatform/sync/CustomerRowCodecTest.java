package com.crmplatform.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.MongoCustomerRepository;
import com.crmplatform.store.Audit;
import com.crmplatform.store.StoreException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** A central customer document read straight into a replica row, as the first sync copies it. */
class CustomerRowCodecTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant UPDATED = Instant.parse("2026-11-02T17:05:00Z");

    private static Object[] decode(Document d) {
        return new CustomerRowCodec().decode(new BsonDocumentReader(d.toBsonDocument()), DecoderContext.builder().build());
    }

    private static Customer asha(LocalDate lastPurchase) {
        return new Customer(new ObjectId().toHexString(), "Asha Rao-Desai", "Asha.Rao@Example.com", "+91 98450 12345",
                "Pune", new BigDecimal("12500.50"), 7, lastPurchase, new Audit(CREATED, UPDATED, "asha", "ravi", 4));
    }

    private static Object[] expected(Customer c, Document d, long spendPaise, long visits, String lastPurchase) {
        return new Object[] {c.id(), c.name(), d.getString("nameLc"), d.getString("surnameLc"), c.email(),
            d.getString("emailLc"), c.phone(), d.getString("phoneDigits"), c.city(), spendPaise, visits, lastPurchase,
            CREATED.toEpochMilli(), UPDATED.toEpochMilli(), "asha", "ravi", 4L};
    }

    @Test
    void aCustomerAsTheAppWritesItBecomesItsRow() {
        Customer c = asha(LocalDate.of(2026, 10, 31));
        Document d = MongoCustomerRepository.toDocument(c);
        assertArrayEquals(expected(c, d, 1_250_050L, 7, "2026-10-31"), decode(d));
    }

    @Test
    void whatTheReplicaDoesNotKeepIsSkippedWhereverItIs() {
        Customer c = asha(null);
        Document d = new Document("applied", List.of(new ObjectId(), new ObjectId()))
                .append("nested", new Document("a", List.of(1, 2, new Document("b", "c"))));
        d.putAll(MongoCustomerRepository.toDocument(c));
        d.append("revoked", List.of(new ObjectId()));
        assertArrayEquals(expected(c, d, 1_250_050L, 7, ""), decode(d), "no last purchase: empty, as the replica keeps it");
    }

    @Test
    void numbersWrittenByOtherToolsAreReadAsTheyMean() {
        Customer c = asha(LocalDate.of(2026, 1, 5));
        Document d = MongoCustomerRepository.toDocument(c);
        d.put("totalSpend", 980.25); // a double, as a shell script or another driver may write it
        d.put("visits", 7L);
        d.put("version", 4); // an int
        assertArrayEquals(expected(c, d, 98_025L, 7, "2026-01-05"), decode(d));

        d.put("totalSpend", 1200);
        d.put("lastPurchaseDate", null);
        assertArrayEquals(expected(c, d, 120_000L, 7, ""), decode(d));

        d.put("lastPurchaseDate", Date.from(Instant.parse("2026-02-28T23:59:59Z")));
        d.remove("totalSpend");
        assertArrayEquals(expected(c, d, 0L, 7, "2026-02-28"), decode(d), "missing spend is none");
    }

    @Test
    void aDocumentWithoutItsSearchKeysOrOptionalFieldsGetsThemAsTheAppMakesThem() {
        Customer c = asha(null);
        Document d = MongoCustomerRepository.toDocument(c);
        Document bare = new Document(d);
        for (String f : List.of("nameLc", "surnameLc", "emailLc", "phoneDigits", "totalSpend", "visits", "lastPurchaseDate", "city")) {
            bare.remove(f);
        }
        Object[] row = decode(bare);
        Object[] expected = expected(c, d, 0L, 0, "");
        expected[8] = "";
        assertArrayEquals(expected, row, "keys computed by the same code as the app's own documents");
    }

    @Test
    void aCustomerTheCopyCannotTakeIsNamedWithWhatIsWrongNotLeftOut() {
        Customer c = asha(null);
        for (String required : List.of("createdAt", "updatedAt", "version", "name", "email", "createdBy")) {
            Document d = MongoCustomerRepository.toDocument(c);
            d.remove(required);
            StoreException e = assertThrows(StoreException.class, () -> decode(d), required);
            assertTrue(e.getMessage().contains(c.id()) && e.getMessage().contains("has no " + required), e.getMessage());
        }
        Document wrong = MongoCustomerRepository.toDocument(c);
        wrong.put("visits", "seven");
        StoreException e = assertThrows(StoreException.class, () -> decode(wrong));
        assertTrue(e.getMessage().contains("visits is string"), e.getMessage());
        Document spend = MongoCustomerRepository.toDocument(c);
        spend.put("totalSpend", 0.1 + 0.2); // more than paise
        assertTrue(assertThrows(StoreException.class, () -> decode(spend)).getMessage().contains("totalSpend is double"));
    }
}
