package com.crmplatform.ai.english;

import com.ibm.icu.text.RuleBasedNumberFormat;
import java.math.BigDecimal;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Numbers written in words, for the {@link Lexer}: "twenty-five thousand" (ICU4J's English
 * spell-out rules), lakh and crore on top ("two lakh fifty thousand", "one and a half lakh",
 * "half a crore"), "a dozen", "once", "twice", "a week"; a unit or scale word after a number
 * ("2 lakh", "3 months") is taken in, and the parts of one amount become one.
 */
final class NumberWords {

    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L, "k", 1_000L, "lakh", 100_000L,
            "lakhs", 100_000L, "lac", 100_000L, "lacs", 100_000L, "crore", 10_000_000L, "crores", 10_000_000L,
            "million", 1_000_000L);
    private static final Set<String> SPELLED = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "hundred", "thousand", "million");
    private static final Set<String> TENS = Set.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    private static final int MAX_NUMBER_WORDS = 6;

    /** ICU4J's rules for English number words; one per parser (RuleBasedNumberFormat is not thread-safe). */
    private final RuleBasedNumberFormat spellout = new RuleBasedNumberFormat(Locale.ENGLISH, RuleBasedNumberFormat.SPELLOUT);

    /**
     * "twenty-five thousand", "two lakh fifty thousand", "one and a half lakh", "half a crore",
     * "a dozen", "once", "a week", "three months": numbers in words become number pieces, with
     * a unit or scale word after them taken in.
     */
    List<Piece> read(List<Piece> raw) {
        return amountsInParts(numberWords(raw));
    }

    private List<Piece> numberWords(List<Piece> in) {
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Piece p = in.get(i);
            if (p.kind() == Piece.Kind.NUMBER) {
                // a scale or unit written as a separate word after digits: "2 lakh", "5 thousand", "3 months"
                int j = i + 1;
                Piece n = p;
                if (j < in.size() && !n.money() && n.unitDays() == 0 && Lexer.isWord(in.get(j)) && SCALES.containsKey(in.get(j).text())) {
                    n = n.withValue(n.value().multiply(BigDecimal.valueOf(SCALES.get(in.get(j).text()))), true, 0, false)
                            .withText(n.text() + " " + in.get(j).text());
                    j++;
                }
                if (j < in.size() && !n.money() && n.unitDays() == 0 && Lexer.isWord(in.get(j)) && unitWord(in.get(j).text()) > 0) {
                    n = n.withValue(n.value(), false, unitWord(in.get(j).text()), false).withText(n.text() + " " + in.get(j).text());
                    j++;
                }
                if (j < in.size() && !n.money() && Lexer.isWord(in.get(j)) && in.get(j).text().matches("rupees?|rs|inr|bucks|rupaye|rupiya")) {
                    n = n.withValue(n.value(), true, 0, false).withText(n.text() + " " + in.get(j).text());
                    j++;
                }
                out.add(n);
                i = j - 1;
                continue;
            }
            if (!Lexer.isWord(p)) {
                out.add(p);
                continue;
            }
            if (p.text().matches("week|month|year|fortnight|quarter|mnth|mth|wk|yr|mon") && i > 0 && Lexer.isWord(in.get(i - 1))
                    && in.get(i - 1).text().matches("last|past|previous|recent|prior|this")) { // "in the past week": one
                out.add(Piece.number(p.text(), BigDecimal.ONE, false, Lexer.unitDays(p.text()), false, false, false));
                continue;
            }
            int[] end = {i};
            BigDecimal v = wordNumber(in, i, end);
            if (v == null) {
                out.add(p);
                continue;
            }
            int j = end[0];
            StringBuilder text = new StringBuilder();
            for (int k = i; k < j; k++) {
                text.append(k > i ? " " : "").append(in.get(k).text());
            }
            String first = in.get(i).text();
            boolean count = first.equals("once") || first.equals("twice") || first.equals("thrice");
            boolean money = false;
            long unit = 0;
            if (!count && j < in.size() && Lexer.isWord(in.get(j)) && SCALES.containsKey(in.get(j).text())) {
                v = v.multiply(BigDecimal.valueOf(SCALES.get(in.get(j).text())));
                money = in.get(j).text().matches("lakhs?|lacs?|crores?|k"); // "a thousand orders" is a count
                text.append(' ').append(in.get(j++).text());
            }
            if (!count && j < in.size() && Lexer.isWord(in.get(j)) && unitWord(in.get(j).text()) > 0) {
                unit = unitWord(in.get(j).text());
                text.append(' ').append(in.get(j++).text());
            }
            if (j < in.size() && Lexer.isWord(in.get(j)) && in.get(j).text().matches("rupees?|rs|inr|bucks|rupaye|rupiya")) {
                money = true;
                text.append(' ').append(in.get(j++).text());
            }
            boolean article = (first.equals("a") || first.equals("an") || first.equals("half")) && j == i + 1;
            if (article) {
                out.add(p); // "a purchase", "an order": an article, not a number
                continue;
            }
            out.add(Piece.number(text.toString(), v.stripTrailingZeros(), money, unit, count, false, false));
            i = j - 1;
        }
        return out;
    }

    private static final List<String> UNIT_WORDS = List.of("days", "weeks", "months", "years", "month", "week", "year");

    /** Days per unit of a unit word after a number; a unit misspelt by one letter ("dyas", "mnoths") counts. */
    private static long unitWord(String w) {
        if (w.matches("days?|weeks?|months?|years?|fortnights?|quarters?|wks?|mnths?|mths?|yrs?|dys")) {
            return Lexer.unitDays(w);
        }
        if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
            for (String u : UNIT_WORDS) {
                if (Lexicon.distance(w, u, 1) <= 1) {
                    return Lexer.unitDays(u);
                }
            }
        }
        return 0;
    }

    /** A number in words starting at {@code i}; {@code end[0]} is set past it. Null when there is none. */
    private BigDecimal wordNumber(List<Piece> in, int i, int[] end) {
        String w = in.get(i).text();
        switch (w) {
            case "once" -> {
                end[0] = i + 1;
                return BigDecimal.ONE;
            }
            case "twice" -> {
                end[0] = i + 1;
                return BigDecimal.valueOf(2);
            }
            case "thrice" -> {
                end[0] = i + 1;
                return BigDecimal.valueOf(3);
            }
            case "dozen" -> {
                end[0] = i + 1;
                return BigDecimal.valueOf(12);
            }
            case "a", "an" -> {
                if (i + 1 < in.size() && Lexer.isWord(in.get(i + 1))) {
                    String next = in.get(i + 1).text();
                    if (next.equals("dozen")) {
                        end[0] = i + 2;
                        return BigDecimal.valueOf(12);
                    }
                    if (next.equals("couple") && i + 2 < in.size() && in.get(i + 2).text().equals("of")) {
                        end[0] = i + 3;
                        return BigDecimal.valueOf(2);
                    }
                    if (next.equals("half")) { // "a half lakh"
                        end[0] = i + 2;
                        return new BigDecimal("0.5");
                    }
                    end[0] = i + 1;
                    return BigDecimal.ONE; // kept only when a unit or scale follows (see numberWords)
                }
                return null;
            }
            case "half" -> {
                int j = i + 1;
                if (j < in.size() && (in.get(j).text().equals("a") || in.get(j).text().equals("an"))) {
                    j++;
                }
                if (j < in.size() && in.get(j).text().equals("dozen")) { // "half a dozen"
                    end[0] = j + 1;
                    return BigDecimal.valueOf(6);
                }
                end[0] = j;
                return new BigDecimal("0.5");
            }
            case "single" -> {
                if (i + 1 < in.size() && in.get(i + 1).text().matches("time|order|purchase|visit|transaction|bill|trip|buy")) {
                    end[0] = i + 1;
                    return BigDecimal.ONE;
                }
                return null;
            }
            default -> {
                if (!SPELLED.contains(w) || w.equals("hundred") || w.equals("thousand") || w.equals("million")) {
                    return null; // a number in words starts with a digit word ("a thousand" is read above)
                }
                if (w.equals("one") && i > 0 && Lexer.isWord(in.get(i - 1))
                        && in.get(i - 1).text().matches("quick|this|that|no|any|every|each|which|another|someone|anyone")) {
                    return null; // "quick one", "no one": a pronoun
                }
                if (w.equals("one") && i + 1 < in.size() && in.get(i + 1).text().matches("off|shot|and")
                        && !(i + 2 < in.size() && in.get(i + 1).text().equals("and") && !in.get(i + 2).text().equals("done"))) {
                    return null; // "one-off", "one-and-done": named buyers, read by the lexicon
                }
            }
        }
        int j = i;
        StringBuilder words = new StringBuilder();
        // At most a few words make one number ("two hundred and fifty thousand"): a long run of
        // number words is not read as one (ICU's parse grows fast with the length).
        while (j < in.size() && j - i < MAX_NUMBER_WORDS && Lexer.isWord(in.get(j))) {
            String t = in.get(j).text();
            if (SPELLED.contains(t)) {
                boolean hyphen = words.length() > 0 && TENS.contains(in.get(j - 1).text()) && !t.equals("hundred")
                        && !t.equals("thousand") && !t.equals("million") && !TENS.contains(t);
                words.append(words.length() == 0 ? "" : hyphen ? "-" : " ").append(t);
                j++;
            } else if (t.equals("and") && j + 1 < in.size() && SPELLED.contains(in.get(j + 1).text())
                    && (in.get(j - 1).text().equals("hundred") || in.get(j - 1).text().equals("thousand"))
                    && !(j + 2 < in.size() && in.get(j + 2).text().matches("lakhs?|lacs?|crores?|k"))
                    && !(i > 0 && in.get(i - 1).text().matches("between|betwen"))) {
                // "one hundred and fifty"; not "between twenty-five thousand and one lakh"
                words.append(" and");
                j++;
            } else {
                break;
            }
        }
        ParsePosition pos = new ParsePosition(0);
        Number n = spellout.parse(words.toString(), pos);
        if (n == null || pos.getIndex() < words.length()) {
            return null;
        }
        BigDecimal v = new BigDecimal(n.toString());
        // "one and a half lakh"
        if (j + 2 < in.size() && in.get(j).text().equals("and") && in.get(j + 1).text().equals("a")
                && in.get(j + 2).text().equals("half")) {
            v = v.add(new BigDecimal("0.5"));
            j += 3;
        }
        end[0] = j;
        return v;
    }

    /** "2 lakh 50 thousand", "two lakh fifty thousand": the parts of one amount become one. */
    private static List<Piece> amountsInParts(List<Piece> in) {
        List<Piece> out = new ArrayList<>();
        for (Piece n : in) {
            Piece prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && prev.kind() == Piece.Kind.NUMBER && n.kind() == Piece.Kind.NUMBER && prev.money()
                    && prev.unitDays() == 0 && n.unitDays() == 0 && !prev.plus() && n.value().compareTo(prev.value()) < 0
                    && prev.value().remainder(BigDecimal.valueOf(100_000)).signum() == 0
                    && n.value().remainder(BigDecimal.valueOf(1_000)).signum() == 0 && n.value().signum() > 0) {
                out.set(out.size() - 1, prev.withValue(prev.value().add(n.value()), true, 0, false).withText(prev.text() + " " + n.text()));
                if (n.plus()) {
                    out.set(out.size() - 1, out.get(out.size() - 1).withPlus());
                }
            } else {
                out.add(n);
            }
        }
        return out;
    }

}
