package com.crmplatform.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.order.OrderRepository.PurchaseMoment;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendTimeAdvisorTest {

    @Test
    void theDayAndHourMostOrdersHappenOn() {
        List<PurchaseMoment> m = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // Fridays, entered around 18:00
            LocalDate friday = LocalDate.of(2026, 1, 2).plusWeeks(i);
            m.add(new PurchaseMoment(friday, friday.atTime(18, i % 50).toInstant(ZoneOffset.UTC)));
        }
        for (int i = 0; i < 10; i++) { // some Mondays, morning
            LocalDate monday = LocalDate.of(2026, 1, 5).plusWeeks(i);
            m.add(new PurchaseMoment(monday, monday.atTime(9, 5).toInstant(ZoneOffset.UTC)));
        }
        SendTimeAdvisor.Advice a = SendTimeAdvisor.advise(m, ZoneOffset.UTC);
        assertEquals(DayOfWeek.FRIDAY, a.day());
        assertEquals(18, a.hour());
        assertTrue(a.hourFromOrders());
        assertEquals("75% of this audience's 40 latest orders were on a Friday, most of them around 18:00.", a.why());
    }

    @Test
    void importedOrdersSayNothingAboutTheHour() {
        Instant imported = Instant.parse("2026-06-01T03:00:00Z");
        List<PurchaseMoment> m = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            m.add(new PurchaseMoment(LocalDate.of(2026, 1, 3).plusWeeks(i), imported));
        }
        SendTimeAdvisor.Advice a = SendTimeAdvisor.advise(m, ZoneOffset.UTC);
        assertEquals(DayOfWeek.SATURDAY, a.day());
        assertEquals(SendTimeAdvisor.DEFAULT_HOUR, a.hour());
        assertFalse(a.hourFromOrders());
        assertTrue(a.why().contains("not recorded one by one"));
    }
}
