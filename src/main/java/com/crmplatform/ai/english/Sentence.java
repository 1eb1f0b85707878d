package com.crmplatform.ai.english;

import com.crmplatform.ai.english.Lexicon.Sense;
import com.crmplatform.segment.RuleField;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.segment.SegmentRule.Group;
import com.crmplatform.segment.SegmentRule.Logic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Recursive descent over the pieces: or < and < brackets / either / except. */
final class Sentence {
    private final List<Piece> pieces;
    private int at;
    private RuleField lastField;
    final List<String> notes = new ArrayList<>();
    final List<String> describing = new ArrayList<>();
    private final Set<RuleField> needed = EnumSet.noneOf(RuleField.class);
    private final List<String> neededWords = new ArrayList<>();

    Sentence(List<Piece> pieces) {
        this.pieces = pieces;
    }

    boolean atEnd() {
        return at >= pieces.size();
    }

    String rest() {
        StringBuilder b = new StringBuilder();
        for (int i = at; i < pieces.size(); i++) {
            b.append(i > at ? " " : "").append(pieces.get(i).text());
        }
        return b.toString();
    }

    private Piece peek(int ahead) {
        return at + ahead < pieces.size() ? pieces.get(at + ahead) : null;
    }

    private boolean isAnd(Piece p, int index) {
        if (p == null || p.kind() != Piece.Kind.PHRASE || !p.has(Sense.AND)) {
            return false;
        }
        if (p.text().equals("plus")) { // "20 orders plus", "1.5 lakh plus": a comparison, not "and"
            for (int k = index - 1; k >= Math.max(0, index - 2); k--) {
                if (pieces.get(k).kind() == Piece.Kind.NUMBER) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean isOr(Piece p) {
        return p != null && p.kind() == Piece.Kind.PHRASE && p.has(Sense.OR) && !p.has(Sense.AND);
    }

    private boolean isExcept(Piece p, int index) {
        return p != null && p.kind() == Piece.Kind.PHRASE && p.has(Sense.EXCEPT)
                && !(index + 1 < pieces.size() && pieces.get(index + 1).isValue());
    }

    private boolean isBoundary(Piece p, int index) {
        return p.kind() == Piece.Kind.COMMA || p.kind() == Piece.Kind.OPEN || p.kind() == Piece.Kind.CLOSE
                || isAnd(p, index) || isOr(p) || p.kind() == Piece.Kind.PHRASE && p.has(Sense.EITHER) || isExcept(p, index);
    }

    /** ", and" / ", but" join whole OR-expressions: "A or B, and C" is (A or B) and C. */
    SegmentRule top() {
        List<SegmentRule> parts = new ArrayList<>();
        parts.add(orExpr());
        while (peek(0) != null && peek(0).kind() == Piece.Kind.COMMA && isAnd(peek(1), at + 1)) {
            at += 2;
            while (isAnd(peek(0), at)) {
                at++;
            }
            if (isOr(peek(0))) { // ", and also anyone who …": everything before, or what follows
                at++;
                return join(Logic.OR, java.util.Arrays.asList(join(Logic.AND, parts), top()));
            }
            parts.add(orExpr());
        }
        return join(Logic.AND, parts);
    }

    SegmentRule orExpr() {
        List<SegmentRule> parts = new ArrayList<>();
        parts.add(andExpr());
        while (true) {
            if (isOr(peek(0))) {
                at++;
            } else if (peek(0) != null && peek(0).kind() == Piece.Kind.COMMA && isOr(peek(1))) {
                at += 2;
            } else {
                break;
            }
            parts.add(andExpr());
        }
        return join(Logic.OR, parts);
    }

    SegmentRule andExpr() {
        List<SegmentRule> parts = new ArrayList<>();
        parts.add(factor());
        while (!atEnd()) {
            Piece p = peek(0);
            if (p.kind() == Piece.Kind.CLOSE || isOr(p) || p.kind() == Piece.Kind.COMMA && (isAnd(peek(1), at + 1) || isOr(peek(1)))) {
                break;
            }
            if (p.kind() == Piece.Kind.COMMA || isAnd(p, at)) {
                at++;
                continue; // "but with", ", who": one boundary
            }
            parts.add(factor());
        }
        return join(Logic.AND, parts);
    }

    SegmentRule factor() {
        while (!atEnd() && (isAnd(peek(0), at) || peek(0).kind() == Piece.Kind.COMMA)) {
            at++;
        }
        if (atEnd()) {
            return null;
        }
        Piece p = peek(0);
        if (p.kind() == Piece.Kind.OPEN) {
            at++;
            SegmentRule inner = top();
            if (!atEnd() && peek(0).kind() == Piece.Kind.CLOSE) {
                at++;
            }
            return inner;
        }
        if (p.kind() == Piece.Kind.CLOSE) {
            at++; // a stray closing bracket
            return null;
        }
        if (p.kind() == Piece.Kind.PHRASE && p.has(Sense.EITHER)) {
            at++;
            SegmentRule left = andExpr();
            if (peek(0) != null && peek(0).kind() == Piece.Kind.COMMA && isOr(peek(1))) {
                at++;
            }
            if (!isOr(peek(0))) {
                return left;
            }
            at++;
            return join(Logic.OR, List.of(left == null ? none() : left, orOperand()));
        }
        if (isExcept(p, at)) {
            at++;
            // "excluding those who ordered …": the words that only point at people are skipped
            while (!atEnd() && (isAnd(peek(0), at) || peek(0).kind() == Piece.Kind.PHRASE && peek(0).has(Sense.FILLER)
                    && !peek(0).has(Sense.ACTIVITY) && !peek(0).has(Sense.SPEND) && !peek(0).has(Sense.NEG))) {
                at++;
            }
            SegmentRule excluded = factor();
            return excluded == null ? null : EnglishParser.negate(excluded);
        }
        if (isOr(p)) {
            at++;
            return null;
        }
        int start = at;
        while (!atEnd() && !isBoundary(peek(0), at)) {
            at++;
        }
        List<Piece> clause = new ArrayList<>(pieces.subList(start, at));
        // "ordered recently (last 10 days)", "high spenders (over 10k)": a bracket with no
        // boundary inside says more about the clause before it.
        while (!atEnd() && peek(0).kind() == Piece.Kind.OPEN) {
            int close = at + 1;
            while (close < pieces.size() && !isBoundary(pieces.get(close), close)) {
                close++;
            }
            if (close >= pieces.size() || pieces.get(close).kind() != Piece.Kind.CLOSE) {
                break;
            }
            clause.addAll(pieces.subList(at + 1, close));
            at = close + 1;
        }
        return new Clause(this, clause).read();
    }

    private SegmentRule orOperand() {
        SegmentRule r = andExpr();
        return r == null ? none() : r;
    }

    private static SegmentRule none() {
        throw new RuleNotUnderstood("One side of an \"either … or\" has no condition.", List.of());
    }

    SegmentRule join(Logic logic, List<SegmentRule> parts) {
        List<SegmentRule> flat = new ArrayList<>();
        for (SegmentRule r : parts) {
            if (r == null) {
                continue;
            }
            if (r instanceof Group g && g.op() == logic) {
                flat.addAll(g.rules());
            } else {
                flat.add(r);
            }
        }
        List<SegmentRule> distinct = new ArrayList<>(new LinkedHashSet<>(flat));
        if (distinct.isEmpty()) {
            return null;
        }
        return distinct.size() == 1 ? distinct.get(0) : new Group(logic, distinct);
    }

    void field(RuleField f) {
        lastField = f;
    }

    /** The field the next clause names for its value, for a number that names none and has none before it. */
    RuleField nextField() {
        for (int i = at; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (p.kind() == Piece.Kind.NUMBER && p.money()) {
                return RuleField.TOTAL_SPEND;
            }
            if (p.kind() == Piece.Kind.NUMBER && p.unitDays() > 0 || p.kind() == Piece.Kind.DATE || isOr(p)) {
                return null;
            }
            if (p.kind() == Piece.Kind.PHRASE && (p.has(Sense.VISITS) || p.has(Sense.COUNT) && !p.has(Sense.SPEND))) {
                return RuleField.VISITS;
            }
            if (p.kind() == Piece.Kind.PHRASE && p.has(Sense.SPEND)) {
                return RuleField.TOTAL_SPEND;
            }
        }
        return null;
    }

    /** The field of the last condition read, whatever it is (a date too). */
    RuleField lastFieldRead() {
        return lastField;
    }

    /** The field of the condition before, for a number that names none ("under 800 or over 40,000"). */
    RuleField lastField() {
        return lastField == RuleField.LAST_PURCHASE_DATE ? null : lastField;
    }

    void needs(RuleField f, String word) {
        needed.add(f);
        neededWords.add(word);
    }

    /** An undefined "frequent", "dormant" or "big spenders" beside conditions on other fields is named. */
    void checkDescribed(Group rule) {
        Set<RuleField> used = EnumSet.noneOf(RuleField.class);
        collect(rule, used);
        if (used.contains(RuleField.LAST_PURCHASE_DATE)) {
            used.add(RuleField.INACTIVE_DAYS);
        }
        for (int i = 0; i < neededWords.size(); i++) {
            String w = neededWords.get(i);
            RuleField f = w.startsWith("visits:") ? RuleField.VISITS : w.startsWith("spend:") ? RuleField.TOTAL_SPEND
                    : RuleField.INACTIVE_DAYS;
            String word = w.substring(w.indexOf(':') + 1);
            if (!used.contains(f)) {
                String example = switch (f) {
                    case VISITS -> "\"more than 5 orders\"";
                    case TOTAL_SPEND -> "\"spent over ₹10,000\"";
                    default -> "\"no purchase in 90 days\" or \"bought in the last 30 days\"";
                };
                notes.add("\"" + word + "\" has no number, so it is not in the rule; add one, e.g. " + example + ".");
            }
        }
    }

    private static void collect(SegmentRule r, Set<RuleField> out) {
        if (r instanceof Group g) {
            g.rules().forEach(x -> collect(x, out));
        } else if (r instanceof Condition c) {
            out.add(c.field());
        }
    }
}
