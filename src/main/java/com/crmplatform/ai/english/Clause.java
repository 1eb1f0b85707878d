package com.crmplatform.ai.english;

import com.crmplatform.ai.english.Lexicon.Sense;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.segment.RuleField;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.segment.SegmentRule.Group;
import com.crmplatform.segment.SegmentRule.Logic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One clause: every value in it becomes a condition, from the words around it. */
final class Clause {

    private static final Set<Sense> COMPARISONS = EnumSet.of(Sense.GT, Sense.GTE, Sense.LT, Sense.LTE, Sense.EQ, Sense.NE);
    private static final Set<String> POSTFIX = Set.of("or more", "or above", "or higher", "or greater", "or longer", "or over",
            "and above", "and up", "and upwards", "and more", "and over", "or beyond", "plus", "or plus", "+", "upwards",
            "onwards", "and onwards", "or less", "or fewer", "or lower", "or below", "or under", "and below", "and under",
            "and less", "tops", "max", "maximum", "minimum", "min", "at least", "at most", "or later", "or earlier");
    /** Describing words that stand for a condition the user did not give a number for. */
    private static final Set<String> NEEDS_VISITS = Set.of("frequent", "regular", "regulars", "loyal", "loyalists",
            "occasional", "infrequent");
    private static final Set<String> NEEDS_TIME = Set.of("dormant", "lapsed", "inactive", "churned", "idle", "sleeping",
            "quiet", "at risk", "churn risk", "hibernating", "sleepers", "recent", "recently", "lately", "active", "new",
            "lapsed buyers", "dormant buyers", "went quiet", "gone quiet", "inactivity");
    private static final Set<String> NEEDS_SPEND = Set.of("high", "big", "heavy", "premium", "vip", "vips", "whale", "whales",
            "valuable", "top", "high value", "high ltv", "big spenders", "high spenders", "heavy spenders", "top spenders",
            "low", "small", "low value", "low spenders", "big ticket", "budget", "spenders");

    /** Words that can name the amount or the count ("purchases more than 5000"): the size of the number decides, with a note. */
    private static final Set<String> AMOUNT_OR_COUNT = Set.of("purchase", "purchases", "total purchase", "total purchases",
            "purchase total", "purchased", "purchasing", "shopping", "shopped", "shop", "business", "bought", "buy", "buys",
            "ordered", "order", "orders", "transactions", "transaction", "total", "did purchase", "done purchase",
            "made purchase", "made a purchase", "done shopping", "did shopping");

    private final Sentence sentence;
    private final List<Piece> c;

    Clause(Sentence sentence, List<Piece> clause) {
        this.sentence = sentence;
        this.c = clause;
    }

    /** A value, or a range of two, at pieces {@code start..end}. */
    private record Span(int start, int end, Piece lo, Piece hi) {
        boolean range() {
            return hi != null;
        }
    }

    SegmentRule read() {
        List<Span> spans = spans();
        List<SegmentRule> out = new ArrayList<>();
        for (int k = 0; k < spans.size(); k++) {
            int from = k == 0 ? 0 : spans.get(k - 1).end() + 1;
            int to = k + 1 < spans.size() ? spans.get(k + 1).start() : c.size();
            out.add(condition(spans.get(k), from, to));
        }
        boolean hasValues = !spans.isEmpty();
        boolean countValue = out.stream().anyMatch(r -> r instanceof Condition x && x.field() == RuleField.VISITS
                || r instanceof Group g && g.rules().stream().anyMatch(y -> y instanceof Condition x && x.field() == RuleField.VISITS));
        boolean durationValue = spans.stream().anyMatch(s -> s.lo().isDuration() || s.range() && s.hi().isDuration());
        List<String> unknown = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        List<String> purpose = new ArrayList<>();
        for (Piece p : c) {
            if (p.kind() == Piece.Kind.PHRASE && p.has(Sense.PURPOSE)) {
                purpose.add(p.text());
                continue;
            }
            boolean stray = p.kind() == Piece.Kind.PHRASE && p.senses().equals(EnumSet.of(Sense.NUMBER_WORD));
            if (stray || p.kind() == Piece.Kind.UNKNOWN && !p.text().isBlank() && Character.isLetterOrDigit(p.text().charAt(0))) {
                unknown.add(p.text());
            } else if (p.kind() == Piece.Kind.PHRASE && p.has(Sense.UNSUPPORTED) && !p.has(Sense.FILLER)
                    && !p.has(Sense.DESCRIPTOR)) {
                unsupported.add(p.text());
            } else if (p.kind() == Piece.Kind.PHRASE && p.has(Sense.ONE_TIME) && !countValue) {
                int at = c.indexOf(p);
                boolean not = at > 0 && c.get(at - 1).kind() == Piece.Kind.PHRASE && c.get(at - 1).has(Sense.NEG);
                out.add(new Condition(RuleField.VISITS, not ? RuleOperator.NE : RuleOperator.EQ, 1L));
                countValue = true;
            } else if (p.kind() == Piece.Kind.PHRASE && p.has(Sense.REPEAT) && !countValue && !durationValue
                    && !has(Sense.NEG, 0, c.size())) {
                out.add(new Condition(RuleField.VISITS, RuleOperator.GTE, 2L));
                countValue = true;
            } else if (p.kind() == Piece.Kind.PHRASE && p.has(Sense.NEVER_BOUGHT) && !hasValues) {
                out.add(new Condition(RuleField.VISITS, RuleOperator.EQ, 0L));
                hasValues = true;
            }
        }
        if (!unsupported.isEmpty()) {
            throw new RuleNotUnderstood("The CRM cannot select customers by \"" + String.join(", ", unsupported) + "\" in \""
                    + text() + "\": a rule can only use total spend, number of orders (visits), last purchase date and "
                    + "days since the last purchase.", unsupported);
        }
        if (out.isEmpty() && !hasValues && has(Sense.NEG, 0, c.size()) && has(Sense.ACTIVITY, 0, c.size())
                && !has(Sense.RECENT, 0, c.size()) && !has(Sense.INACTIVE, 0, c.size()) && unknown.isEmpty()) {
            out.add(new Condition(RuleField.VISITS, RuleOperator.EQ, 0L)); // "not done any purchase till date"
        }
        if (out.isEmpty() && !purpose.isEmpty() && unknown.isEmpty()) {
            sentence.notes.add("Left out \"" + text() + "\": what the audience is for, not who is in it.");
            return null;
        }
        if (out.isEmpty()) {
            if (!unknown.isEmpty()) {
                throw new RuleNotUnderstood("Could not place \"" + text() + "\" (" + quoted(unknown) + " "
                        + (unknown.size() == 1 ? "is" : "are") + " not something a rule can use).", List.of(text()));
            }
            describing();
            return null;
        }
        zeroInPeriod(out);
        periodNote(out);
        if (!purpose.isEmpty()) {
            sentence.notes.add("Left out " + quoted(purpose) + ": what the audience is for, not who is in it.");
        }
        if (!unknown.isEmpty()) {
            sentence.notes.add("Left out " + quoted(unknown) + " in \"" + text() + "\": not something a rule can use. "
                    + "Check the rule.");
        }
        describing();
        return sentence.join(Logic.AND, out);
    }

    /** "zero purchases in the past 60 days" is no purchase in 60 days: inactivity, not a count. */
    private static void zeroInPeriod(List<SegmentRule> out) {
        Condition zero = null;
        Condition recent = null;
        for (SegmentRule r : out) {
            if (r instanceof Condition x && x.field() == RuleField.VISITS && x.operator() == RuleOperator.EQ && x.integer() == 0) {
                zero = x;
            } else if (r instanceof Condition x && x.field() == RuleField.INACTIVE_DAYS
                    && (x.operator() == RuleOperator.LT || x.operator() == RuleOperator.LTE)) {
                recent = x;
            }
        }
        if (zero != null && recent != null) {
            int i = out.indexOf(recent);
            out.remove(zero);
            out.set(out.indexOf(recent), new Condition(RuleField.INACTIVE_DAYS,
                    recent.operator() == RuleOperator.LT ? RuleOperator.GTE : RuleOperator.GT, recent.value()));
        }
    }

    /**
     * "spent over 5k in the last 30 days": the CRM's spend and visits count every purchase ever,
     * so a rule can ask for the amount and for recent activity, not for the amount within the period.
     */
    private void periodNote(List<SegmentRule> out) {
        Set<RuleField> fields = EnumSet.noneOf(RuleField.class);
        boolean recent = false;
        for (SegmentRule r : out) {
            List<SegmentRule> parts = r instanceof Group g ? g.rules() : List.of(r);
            for (SegmentRule x : parts) {
                if (x instanceof Condition cond) {
                    fields.add(cond.field());
                    recent |= cond.field() == RuleField.INACTIVE_DAYS
                            && (cond.operator() == RuleOperator.LT || cond.operator() == RuleOperator.LTE);
                }
            }
        }
        if (recent && (fields.contains(RuleField.TOTAL_SPEND) || fields.contains(RuleField.VISITS))) {
            sentence.notes.add("In \"" + text() + "\" the rule asks for the total over all time and for a purchase in "
                    + "the period: the CRM does not count spend or orders within a period.");
        }
    }

    /** Describing words ("frequent", "dormant", "big spenders") are remembered, to be checked against the rule. */
    private void describing() {
        for (Piece p : c) {
            if (p.kind() != Piece.Kind.PHRASE) {
                continue;
            }
            String t = p.text();
            if (NEEDS_VISITS.contains(t)) {
                sentence.needs(RuleField.VISITS, "visits:" + t);
            } else if (NEEDS_TIME.contains(t)) {
                sentence.needs(RuleField.INACTIVE_DAYS, "time:" + t);
            } else if (NEEDS_SPEND.contains(t)) {
                sentence.needs(RuleField.TOTAL_SPEND, "spend:" + t);
            }
            if (p.has(Sense.DESCRIPTOR) || p.has(Sense.INACTIVE) || p.has(Sense.RECENT)) {
                sentence.describing.add(t);
            }
        }
    }

    private String text() {
        StringBuilder b = new StringBuilder();
        for (Piece p : c) {
            b.append(b.length() > 0 ? " " : "").append(p.text());
        }
        return b.toString();
    }

    private static String quoted(List<String> words) {
        return "\"" + String.join(" ", words) + "\"";
    }

    private List<Span> spans() {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            Piece p = c.get(i);
            if (!p.isValue()) {
                continue;
            }
            if (i + 2 < c.size() && c.get(i + 1).kind() == Piece.Kind.PHRASE && c.get(i + 1).senses().equals(EnumSet.of(Sense.TO))
                    && c.get(i + 2).kind() == p.kind()) {
                Piece hi = c.get(i + 2);
                out.add(new Span(i, i + 2, lowLike(p, hi), hi));
                i += 2;
            } else {
                out.add(new Span(i, i, p, null));
            }
        }
        return out;
    }

    /** "30-60 days", "3 to 5 lakh": the lower end takes the upper end's unit, money mark and scale. */
    private static Piece lowLike(Piece lo, Piece hi) {
        if (lo.kind() != Piece.Kind.NUMBER) {
            return lo;
        }
        java.math.BigDecimal v = lo.value();
        if (hi.money() && !lo.money()) {
            for (long scale : new long[] {10_000_000L, 100_000L, 1_000L}) {
                java.math.BigDecimal scaled = v.multiply(java.math.BigDecimal.valueOf(scale));
                if (hi.value().remainder(java.math.BigDecimal.valueOf(scale)).signum() == 0
                        && hi.value().compareTo(java.math.BigDecimal.valueOf(scale)) >= 0 && scaled.compareTo(hi.value()) < 0
                        && !lo.text().matches(".*[\\d,]{4,}.*")) {
                    v = scaled;
                    break;
                }
            }
        }
        return lo.withValue(v, lo.money() || hi.money(), lo.unitDays() > 0 ? lo.unitDays() : hi.unitDays(), lo.count() || hi.count());
    }

    // --- what is around a value --------------------------------------------------------

    private boolean has(Sense s, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, c.size()); i++) {
            if (c.get(i).kind() == Piece.Kind.PHRASE && c.get(i).has(s)) {
                return true;
            }
        }
        return false;
    }

    /** The comparison written before the value (nearest first), or after it ("5 or more", "2k+"). */
    private RuleOperator comparison(Span s, int from, int to) {
        for (int i = s.start() - 1; i >= from; i--) {
            Piece p = c.get(i);
            if (p.kind() == Piece.Kind.PHRASE && !p.has(Sense.RECENT)) {
                for (Sense sense : COMPARISONS) {
                    if (p.has(sense)) {
                        return operator(sense);
                    }
                }
            }
            if (p.kind() == Piece.Kind.PHRASE && p.text().equals("past")) {
                return RuleOperator.GT; // "didn't spend past 6000"
            }
        }
        for (int i = s.end() + 1; i < to && i <= s.end() + 3; i++) {
            Piece p = c.get(i);
            if (p.kind() == Piece.Kind.PHRASE && POSTFIX.contains(p.text())) {
                for (Sense sense : COMPARISONS) {
                    if (p.has(sense)) {
                        return operator(sense);
                    }
                }
            }
            if (p.kind() != Piece.Kind.PHRASE || !(p.has(Sense.COUNT) || p.has(Sense.FILLER) || p.has(Sense.DESCRIPTOR)
                    || p.has(Sense.SPEND) || p.has(Sense.VISITS))) {
                break;
            }
        }
        Piece last = s.range() ? s.hi() : s.lo();
        return last.plus() ? RuleOperator.GTE : null;
    }

    private static RuleOperator operator(Sense s) {
        return switch (s) {
            case GT -> RuleOperator.GT;
            case GTE -> RuleOperator.GTE;
            case LT -> RuleOperator.LT;
            case LTE -> RuleOperator.LTE;
            case EQ -> RuleOperator.EQ;
            default -> RuleOperator.NE;
        };
    }

    /** Is the nearest NEG before the value part of the comparison ("did not spend more than")? */
    private boolean negatedBefore(Span s, int from) {
        for (int i = s.start() - 1; i >= Math.max(from, s.start() - 3); i--) {
            Piece p = c.get(i);
            if (p.kind() == Piece.Kind.PHRASE && (p.has(Sense.ONE_TIME) || p.has(Sense.REPEAT) || p.has(Sense.DESCRIPTOR))) {
                return false; // "not first-time buyers (more than one order)": the "not" is about the buyers
            }
            if (p.kind() == Piece.Kind.PHRASE && (p.has(Sense.NEG) || p.has(Sense.NEVER_BOUGHT)) && !p.has(Sense.COUNT)) {
                return true;
            }
        }
        return false;
    }

    /** The field the words around a plain number name, nearest first (before it, then after it). */
    /** The word that decided the last {@link #fieldWord} (null when none or a count noun after the value). */
    private Piece decidedBy;

    private RuleField fieldWord(Span s, int from, int to) {
        decidedBy = null;
        // a count noun right after the value: "5 orders", "3 or more visits", "12 lifetime orders" —
        // unless it is the field of the next value ("inactiveDays<7 visits>=2")
        for (int i = s.end() + 1; i < to && i <= s.end() + 3; i++) {
            Piece p = c.get(i);
            if (p.kind() != Piece.Kind.PHRASE) {
                break;
            }
            if (p.has(Sense.UNSUPPORTED) && !p.has(Sense.FILLER) && !p.has(Sense.DESCRIPTOR) && !p.has(Sense.COUNT)) {
                throw cannotPlace(s, p.text());
            }
            if (p.has(Sense.COUNT) || p.has(Sense.VISITS)) {
                Piece after = i + 1 < c.size() ? c.get(i + 1) : null;
                boolean namesNext = after != null && (after.isValue() || after.kind() == Piece.Kind.PHRASE
                        && COMPARISONS.stream().anyMatch(after::has) && !POSTFIX.contains(after.text()));
                if (!namesNext) {
                    return RuleField.VISITS;
                }
                break;
            }
            if (!(POSTFIX.contains(p.text()) || p.has(Sense.DESCRIPTOR) || p.has(Sense.FILLER))) {
                break;
            }
        }
        for (int i = s.start() - 1; i >= from; i--) {
            RuleField f = fieldOf(c.get(i), s);
            if (f != null) {
                decidedBy = c.get(i);
                return f;
            }
        }
        for (int i = s.end() + 1; i < to; i++) {
            RuleField f = fieldOf(c.get(i), s);
            if (f != null) {
                decidedBy = c.get(i);
                return f;
            }
        }
        return null;
    }

    private RuleField fieldOf(Piece p, Span s) {
        if (p.kind() != Piece.Kind.PHRASE) {
            return null;
        }
        if (p.has(Sense.UNSUPPORTED) && !p.has(Sense.FILLER) && !p.has(Sense.DESCRIPTOR)) {
            throw cannotPlace(s, p.text());
        }
        if (p.has(Sense.VISITS) || p.has(Sense.COUNT) && !p.has(Sense.SPEND)) {
            return RuleField.VISITS;
        }
        if (p.has(Sense.SPEND)) {
            return RuleField.TOTAL_SPEND;
        }
        if (p.has(Sense.INACTIVE) || p.has(Sense.DAYS_SINCE)) {
            return RuleField.INACTIVE_DAYS;
        }
        return null;
    }

    private RuleNotUnderstood cannotPlace(Span s, String about) {
        String value = s.range() ? s.lo().text() + " to " + s.hi().text() : s.lo().text();
        return new RuleNotUnderstood("Could not place \"" + value + "\" (" + about + "): a rule can only use total spend, "
                + "number of orders (visits), last purchase date and days since the last purchase.", List.of(value));
    }

    // --- a value to a condition --------------------------------------------------------

    private SegmentRule condition(Span s, int from, int to) {
        if (has(Sense.UNSUPPORTED, from, to)) {
            for (int i = from; i < to; i++) {
                Piece p = c.get(i);
                if (p.kind() == Piece.Kind.PHRASE && p.has(Sense.UNSUPPORTED) && !p.has(Sense.FILLER) && !p.has(Sense.DESCRIPTOR)) {
                    throw cannotPlace(s, p.text());
                }
            }
        }
        if (s.lo().kind() == Piece.Kind.DATE) {
            return dates(s, from);
        }
        boolean timeWords = has(Sense.INACTIVE, from, to) || has(Sense.RECENT, from, to) || has(Sense.AGO, from, to)
                || has(Sense.DAYS_SINCE, from, to);
        boolean moneyWords = s.lo().money() || has(Sense.SPEND, from, to);
        Piece unitPiece = s.range() ? s.hi() : s.lo();
        if (unitPiece.monthOrMillion()) {
            if (moneyWords && !timeWords) {
                s = new Span(s.start(), s.end(), million(s.lo()), s.range() ? million(s.hi()) : null);
            } else {
                s = new Span(s.start(), s.end(), s.lo().withValue(s.lo().value(), false, 30, false),
                        s.range() ? s.hi().withValue(s.hi().value(), false, 30, false) : null);
            }
        }
        if (!s.lo().isDuration() && !s.lo().money() && !s.lo().count() && s.start() > 0
                && c.get(s.start() - 1).kind() == Piece.Kind.PHRASE && c.get(s.start() - 1).has(Sense.RECENT)
                && !c.get(s.start() - 1).has(Sense.GT)) { // "within the last 90": days
            s = new Span(s.start(), s.end(), s.lo().withValue(s.lo().value(), false, 1, false),
                    s.range() ? s.hi().withValue(s.hi().value(), false, 1, false) : null);
        }
        if (s.lo().isDuration()) {
            if (s.end() + 1 < c.size() && c.get(s.end() + 1).text().equals("old") && s.lo().unitDays() == 365
                    && !has(Sense.LASTDATE, from, to) && !has(Sense.ACTIVITY, from, to) && !has(Sense.INACTIVE, from, to)) {
                throw cannotPlace(s, "age"); // "30 years old"
            }
            return duration(s, from, to);
        }
        if (s.end() + 1 < c.size() && (c.get(s.end() + 1).kind() == Piece.Kind.UNKNOWN
                && Character.isLetter(c.get(s.end() + 1).text().charAt(0)) || c.get(s.end() + 1).kind() == Piece.Kind.PHRASE
                && c.get(s.end() + 1).senses().equals(EnumSet.of(Sense.NUMBER_WORD)))) {
            throw cannotPlace(s, c.get(s.end() + 1).text()); // "2 sarees"
        }
        if (s.start() > 0 && c.get(s.start() - 1).text().matches("top|bottom|best|worst|first|last")
                && !s.lo().money() && !s.lo().count()) {
            throw cannotPlace(s, c.get(s.start() - 1).text() + " " + s.lo().text() + " is a ranking"); // "top 100 customers"
        }
        RuleField field;
        if (s.lo().count()) {
            field = RuleField.VISITS;
        } else {
            RuleField named = fieldWord(s, from, to);
            field = s.lo().money() && named != RuleField.VISITS ? RuleField.TOTAL_SPEND : named;
            if (s.lo().money() && named == RuleField.VISITS) {
                field = RuleField.TOTAL_SPEND; // "orders worth ₹5,000": money is spend
            }
        }
        if (field == null && has(Sense.ACTIVITY, from, to) && !s.lo().money()) {
            for (int i = s.start() - 1; i >= from && decidedBy == null; i--) {
                decidedBy = c.get(i).kind() == Piece.Kind.PHRASE && c.get(i).has(Sense.ACTIVITY) ? c.get(i) : null;
            }
            field = RuleField.VISITS;
        }
        if (field != null && !s.lo().money() && !s.lo().count() && decidedBy != null
                && AMOUNT_OR_COUNT.contains(decidedBy.text())) {
            // "purchases more than 5000", "bought over 3": amounts are large and counts small
            boolean amount = s.lo().value().compareTo(java.math.BigDecimal.valueOf(100)) >= 0;
            RuleField read = amount ? RuleField.TOTAL_SPEND : RuleField.VISITS;
            String v = s.lo().text();
            if (read != field) {
                sentence.notes.add(amount ? "Read \"" + decidedBy.text() + " … " + v + "\" as total spend of "
                        + RuleEnglish.rupees(s.lo().value()) + "; say \"" + v + " orders\" for a number of orders."
                        : "Read \"" + decidedBy.text() + " … " + v + "\" as " + v + " orders; say \"₹" + v + "\" for an amount.");
            }
            field = read;
        }
        if (field == null) {
            field = sentence.lastField();
        }
        if (field == null) {
            field = sentence.nextField(); // "more than 2 but fewer than 6 orders"
        }
        if (field == null) {
            String value = s.range() ? s.lo().text() + " to " + s.hi().text() : s.lo().text();
            throw new RuleNotUnderstood("Could not tell what \"" + value + "\" is about (total spend, number of orders, "
                    + "days since the last purchase or the last purchase date): say e.g. \"spent over " + value
                    + "\" or \"" + value + " orders\".", List.of(value));
        }
        if (field == RuleField.INACTIVE_DAYS) {
            return duration(new Span(s.start(), s.end(), s.lo().withValue(s.lo().value(), false, 1, false),
                    s.range() ? s.hi().withValue(s.hi().value(), false, 1, false) : null), from, to);
        }
        sentence.field(field);
        if (s.range()) {
            return new Group(Logic.AND, List.of(cond(field, RuleOperator.GTE, s.lo()), cond(field, RuleOperator.LTE, s.hi())));
        }
        RuleOperator op = comparison(s, from, to);
        boolean negated = negatedBefore(s, from);
        if (field == RuleField.VISITS && negated && (op == null || op == RuleOperator.EQ) && s.lo().value().intValue() == 1
                && !s.lo().text().matches(".*\\d.*")) {
            return new Condition(RuleField.VISITS, RuleOperator.EQ, 0L); // "never placed a single order", "not one order"
        }
        if (op == null) {
            if (negated) {
                op = RuleOperator.NE;
            } else if (field == RuleField.VISITS || s.lo().value().signum() == 0) {
                op = RuleOperator.EQ;
            } else {
                op = RuleOperator.GTE;
                sentence.notes.add("Read \"" + s.lo().text() + "\" as " + RuleEnglish.rupees(s.lo().value())
                        + " or more; say \"exactly\", \"over\" or \"under\" to change it.");
            }
        } else if (negated) {
            op = EnglishParser.flip(op);
        }
        return cond(field, op, s.lo());
    }

    private static Piece million(Piece p) {
        return p.withValue(p.value().multiply(java.math.BigDecimal.valueOf(1_000_000)), true, 0, false);
    }

    private Condition cond(RuleField field, RuleOperator op, Piece v) {
        if (field == RuleField.VISITS) {
            if (v.value().stripTrailingZeros().scale() > 0) {
                throw new RuleNotUnderstood("A number of orders is a whole number, not " + v.text() + ".", List.of(v.text()));
            }
            return new Condition(field, op, v.value().longValueExact());
        }
        return new Condition(field, op, v.value().setScale(Math.max(2, v.value().scale()), java.math.RoundingMode.UNNECESSARY));
    }

    /** Days since the last purchase: the words around say which way ("in the last 15 days", "no order in 45 days"). */
    private SegmentRule duration(Span s, int from, int to) {
        RuleField before = sentence.lastFieldRead();
        sentence.field(RuleField.INACTIVE_DAYS);
        long lo = s.lo().days();
        if (s.range()) {
            long hi = s.hi().days();
            return new Group(Logic.AND, List.of(new Condition(RuleField.INACTIVE_DAYS, RuleOperator.GTE, Math.min(lo, hi)),
                    new Condition(RuleField.INACTIVE_DAYS, RuleOperator.LTE, Math.max(lo, hi))));
        }
        boolean notInactive = inactiveNegated(from, to);
        boolean neg = has(Sense.NEG, from, to) || has(Sense.NEVER_BOUGHT, from, to);
        boolean inactive = has(Sense.INACTIVE, from, to);
        boolean ago = has(Sense.AGO, from, to) || has(Sense.DAYS_SINCE, from, to);
        boolean recent = recentBefore(s, from);
        boolean activity = has(Sense.ACTIVITY, from, to) || has(Sense.REPEAT, from, to) || has(Sense.LASTDATE, from, to)
                || has(Sense.ONE_TIME, from, to);
        RuleOperator cmp = comparison(s, from, to);
        RuleOperator op;
        if (notInactive) { // "not inactive beyond 30 days"
            op = cmp == null ? RuleOperator.LT : EnglishParser.flip(cmp);
        } else if (inactive || neg) {
            op = cmp == null ? RuleOperator.GT : cmp;
        } else if (ago && !recent) {
            op = cmp == null ? RuleOperator.GT : cmp;
            if (cmp == null && has(Sense.AGO, from, to)) {
                sentence.notes.add("Read \"" + s.lo().text() + " ago\" as more than " + lo + " days ago.");
            } else if (cmp == null) {
                throw new RuleNotUnderstood("Say how \"" + s.lo().text() + "\" compares, e.g. \"more than " + s.lo().text()
                        + "\" or \"under " + s.lo().text() + "\".", List.of(s.lo().text()));
            }
        } else if (recent || activity) {
            op = cmp == RuleOperator.LTE ? RuleOperator.LTE : cmp != null && !recent
                    && (cmp == RuleOperator.GT || cmp == RuleOperator.GTE) ? cmp : RuleOperator.LT;
        } else if (cmp != null && (has(Sense.LASTDATE, from, to) || before == RuleField.INACTIVE_DAYS)) {
            op = cmp; // "inactive for two weeks or more but less than six weeks"
        } else {
            throw new RuleNotUnderstood("Could not tell which way \"" + s.lo().text() + "\" goes: say \"bought in the last "
                    + s.lo().text() + "\" or \"no purchase in " + s.lo().text() + "\".", List.of(s.lo().text()));
        }
        return new Condition(RuleField.INACTIVE_DAYS, op, lo);
    }

    /** "not inactive", "isn't dormant": a NEG right before an inactivity word (fillers between). */
    private boolean inactiveNegated(int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, c.size()) - 1; i++) {
            if (c.get(i).kind() == Piece.Kind.PHRASE && c.get(i).has(Sense.NEG)) {
                int j = i + 1;
                while (j < to && c.get(j).kind() == Piece.Kind.PHRASE && c.get(j).has(Sense.FILLER) && !c.get(j).has(Sense.INACTIVE)) {
                    j++;
                }
                if (j < to && c.get(j).kind() == Piece.Kind.PHRASE && c.get(j).has(Sense.INACTIVE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A recency word before the duration ("in the last 15 days", "past 2 weeks", "since last 2 months"). */
    private boolean recentBefore(Span s, int from) {
        for (int i = s.start() - 1; i >= from; i--) {
            if (c.get(i).kind() == Piece.Kind.PHRASE && c.get(i).has(Sense.RECENT)) {
                return true;
            }
        }
        return false;
    }

    private SegmentRule dates(Span s, int from) {
        sentence.field(RuleField.LAST_PURCHASE_DATE);
        RuleField f = RuleField.LAST_PURCHASE_DATE;
        if (s.range()) {
            return new Group(Logic.AND, List.of(new Condition(f, RuleOperator.GTE, s.lo().from()),
                    new Condition(f, RuleOperator.LTE, s.hi().to())));
        }
        Piece d = s.lo();
        boolean neg = has(Sense.NEG, from, s.start()) || has(Sense.NEVER_BOUGHT, from, s.start())
                || has(Sense.INACTIVE, from, s.start());
        for (int i = s.start() - 1; i >= from; i--) {
            Piece p = c.get(i);
            if (p.kind() != Piece.Kind.PHRASE) {
                continue;
            }
            if (p.has(Sense.SINCE)) {
                return neg ? new Condition(f, RuleOperator.LT, d.from()) : new Condition(f, RuleOperator.GTE, d.from());
            }
            if (p.has(Sense.ON_OR_BEFORE) || p.has(Sense.LTE)) {
                return new Condition(f, RuleOperator.LTE, d.to());
            }
            if (p.has(Sense.ON_OR_AFTER) || p.has(Sense.GTE)) {
                return new Condition(f, RuleOperator.GTE, d.from());
            }
            if (p.has(Sense.BEFORE) || p.has(Sense.LT)) {
                return new Condition(f, RuleOperator.LT, d.from());
            }
            if (p.has(Sense.AFTER) || p.has(Sense.GT)) {
                return neg ? new Condition(f, RuleOperator.LTE, d.to()) : new Condition(f, RuleOperator.GT, d.to());
            }
            if (p.has(Sense.NE)) {
                if (d.from().equals(d.to())) {
                    return new Condition(f, RuleOperator.NE, d.from());
                }
                return new Group(Logic.OR, List.of(new Condition(f, RuleOperator.LT, d.from()), new Condition(f, RuleOperator.GT, d.to())));
            }
        }
        if (s.end() + 1 < c.size() && c.get(s.end() + 1).kind() == Piece.Kind.PHRASE) { // "2026-01-05 or later"
            Piece after = c.get(s.end() + 1);
            if (after.text().matches("or later|onwards|and onwards|or after|and after|and later|or more|and above")) {
                return new Condition(f, RuleOperator.GTE, d.from());
            }
            if (after.text().matches("or earlier|or before|and before|and earlier")) {
                return new Condition(f, RuleOperator.LTE, d.to());
            }
        }
        if (d.from().equals(d.to())) {
            return new Condition(f, RuleOperator.EQ, d.from());
        }
        return new Group(Logic.AND, List.of(new Condition(f, RuleOperator.GTE, d.from()), new Condition(f, RuleOperator.LTE, d.to())));
    }
}
