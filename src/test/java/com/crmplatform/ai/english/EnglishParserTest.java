package com.crmplatform.ai.english;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.segment.RuleEnglish;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishParserTest {

    private final OfflineRuleParser parser = new OfflineRuleParser();
    private final Lexer lexer = new Lexer(Lexicon.load());

    private String rule(String text) {
        return RuleEnglish.describe(parser.read(text).rule());
    }

    private Piece only(String text) {
        List<Piece> values = lexer.read(text, new ArrayList<>()).stream().filter(Piece::isValue).toList();
        assertEquals(1, values.size(), values.toString());
        return values.get(0);
    }

    @Test
    void amountsAsIndianSalesStaffWriteThem() {
        assertEquals(0, new BigDecimal("250000").compareTo(only("₹2,50,000").value()));
        assertEquals(0, new BigDecimal("150000").compareTo(only("1.5L").value()));
        assertEquals(0, new BigDecimal("5000").compareTo(only("Rs.5000/-").value()));
        assertTrue(only("Rs.5000/-").money());
        assertEquals(0, new BigDecimal("15000").compareTo(only("fifteen thousand").value()));
        assertEquals(0, new BigDecimal("250000").compareTo(only("two lakh fifty thousand").value()));
        assertEquals(0, new BigDecimal("150000").compareTo(only("one and a half lakh").value()));
        assertEquals(0, new BigDecimal("5000000").compareTo(only("half a crore").value()));
        assertEquals(0, new BigDecimal("12").compareTo(only("a dozen").value()));
        assertEquals(0, new BigDecimal("100000").compareTo(only("1e5").value()));
    }

    @Test
    void durationsCountsAndDates() {
        assertEquals(14, only("a fortnight").days());
        assertEquals(90, only("3 mnths").days());
        assertEquals(21, only("3 weeks").days());
        assertEquals(45, only("45d").days());
        assertTrue(only("twice").count());
        Piece march = only("March 2025");
        assertEquals(LocalDate.of(2025, 3, 1), march.from());
        assertEquals(LocalDate.of(2025, 3, 31), march.to());
        assertEquals(LocalDate.of(2025, 3, 15), only("15-Mar-2025").from());
        assertEquals(LocalDate.of(2025, 3, 15), only("15/03/2025").from()); // day first
        assertEquals(LocalDate.of(2024, 1, 1), only("since 2024").from());
        assertEquals(LocalDate.of(2026, 9, 30), com.crmplatform.store.Dates.parse("30 Sept 2026"));
        assertEquals(LocalDate.of(2026, 9, 30), com.crmplatform.store.Dates.parse("30-sep-2026"));
        assertThrows(RuleNotUnderstood.class, () -> lexer.read("bought before 31/02/2025", new ArrayList<>()));
        assertThrows(RuleNotUnderstood.class, () -> lexer.read("bought before 15 March", new ArrayList<>()));
    }

    @Test
    void theKindsOfWordingThatUsedToGoWrong() {
        assertEquals("Visits >= 5", rule("customers with 5+ orders"));
        assertEquals("Inactive < 15 days", rule("made a purchase in the last 15 days"));
        assertEquals("Inactive >= 45 days", rule("no purchase in 45+ days"));
        assertEquals("Inactive >= 90 days", rule("haven't ordered in 3+ months"));
        assertEquals("Last purchase < 2024-01-01", rule("no purchase since 2024"));
        assertEquals("Visits = 1", rule("one-time buyers"));
        assertEquals("Visits = 0", rule("never placed a single order"));
        assertEquals("Total spend < ₹800 OR Total spend > ₹40,000", rule("spent under 800 or over 40,000"));
        assertEquals("Total spend > ₹10,000 AND Inactive >= 45 days", rule("high spenders (spent > 10k) inactive 45+ days"));
        assertEquals("Total spend > ₹15,000", rule("our whales, with LTV over 15000"));
        assertEquals("Inactive >= 60 days AND Inactive <= 90 days", rule("between 60 and 90 days without a purchase"));
        assertEquals("Total spend >= ₹3,000 AND Total spend <= ₹8,000", rule("₹3,000–₹8,000"));
        assertEquals("Total spend >= ₹12,000 AND Visits <= 4", rule("totalSpend >= 12000 AND visits <= 4"));
        assertEquals("Inactive < 10 days", rule("ordered recently (last 10 days)"));
        assertEquals("Total spend > ₹5,000 AND Inactive >= 7 days", rule("spend over 5k, excluding those who ordered in the last week"));
    }

    @Test
    void everyNumberIsPlacedOrNamed() {
        RuleNotUnderstood sarees = assertThrows(RuleNotUnderstood.class, () -> parser.read("spent over 5k and bought 3 sarees"));
        assertTrue(sarees.getMessage().contains("3"), sarees.getMessage());
        RuleNotUnderstood top = assertThrows(RuleNotUnderstood.class, () -> parser.read("top 100 customers by spend"));
        assertTrue(top.getMessage().contains("100"), top.getMessage());
        RuleNotUnderstood age = assertThrows(RuleNotUnderstood.class, () -> parser.read("women aged 35+ with 3 orders"));
        assertTrue(age.getMessage().contains("35"), age.getMessage());
        RuleNotUnderstood lost = assertThrows(RuleNotUnderstood.class, () -> parser.read("customers with 5000"));
        assertTrue(lost.getMessage().contains("5000"), lost.getMessage());
    }

    @Test
    void whatItHadToChooseItSays() {
        OfflineRuleParser p = parser;
        EnglishParser.Reading amount = p.read("purchase more than 5000");
        assertEquals("Total spend > ₹5,000", RuleEnglish.describe(amount.rule()));
        assertFalse(amount.notes().isEmpty());
        EnglishParser.Reading period = p.read("spent over 5k in the last 30 days");
        assertTrue(period.notes().stream().anyMatch(n -> n.contains("within a period")), period.notes().toString());
        EnglishParser.Reading frequent = p.read("frequent buyers who spent over 20k");
        assertTrue(frequent.notes().stream().anyMatch(n -> n.contains("frequent")), frequent.notes().toString());
        EnglishParser.Reading typo = p.read("custmers who spnt over 5k");
        assertEquals("Total spend > ₹5,000", RuleEnglish.describe(typo.rule()));
        assertTrue(typo.notes().stream().anyMatch(n -> n.contains("spent")), typo.notes().toString());
        assertThrows(RuleNotUnderstood.class, () -> p.read("spent over 5k on shoes")); // a product: not a field
        EnglishParser.Reading pune = p.read("spent over 5k in Pune");
        assertTrue(pune.notes().stream().anyMatch(n -> n.contains("pune")), pune.notes().toString());
        assertTrue(p.read("spent over 5k and visited 3+ times").notes().isEmpty());
    }

    /** Inputs a fuzzer found: each is answered or refused with a message, never a crash. */
    @Test
    void hostileInputIsAnsweredOrRefused() {
        String[] hostile = {"a,and or", "spent 5k, and or", "\u0001", "spent over 5k \u0001", "\u00010\u0001",
            "last purchase 2025-01-01 \u00010\u0001", "thousand million ".repeat(58), "hundred thousand ".repeat(58),
            "either", "except", "between 5 and", "spent over", "((((((((((spent over 5k))))))))))", "[[[[[[[[[[[[",
            "1e400 spend", "99999999999999999999999 orders", "5.5 orders", "-5 orders", "spent over 5k 🙂", "half", "a", "single"};
        for (String text : hostile) {
            try {
                parser.read(text);
            } catch (RuleNotUnderstood refused) {
                assertFalse(refused.getMessage().isBlank(), text);
            }
        }
    }
}
