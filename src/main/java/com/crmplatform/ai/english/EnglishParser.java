package com.crmplatform.ai.english;

import com.crmplatform.ai.english.Lexicon.Sense;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.segment.SegmentRule.Group;
import com.crmplatform.segment.SegmentRule.Logic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * English to a segment rule without a model. The {@link Lexer} reads amounts, counts, durations
 * and dates; {@link Sentence} reads the clauses joined by and / or / but / with / who, commas,
 * brackets and "either … or" (AND binds tighter than OR, ", and" joins whole OR parts); {@link
 * Clause} gives every value in a clause its field and comparison from the words around it (a
 * field left out of the second half of "under 800 or over 40,000" is the first half's).
 *
 * <p>Never a wrong audience in silence: every number and date becomes part of a condition or the
 * description is refused naming it; words it does not know beside a condition, an undefined
 * "frequent" or "dormant", and readings it had to choose are returned as notes with the rule.
 */
public final class EnglishParser {

    /** The rule and what the user should check in it (empty when nothing was left to doubt). */
    public record Reading(Group rule, List<String> notes) {
    }

    private final Lexer lexer = new Lexer(Lexicon.load());

    /** @throws RuleNotUnderstood naming what it could not place */
    public synchronized Reading read(String text) {
        List<String> corrections = new ArrayList<>();
        List<Piece> pieces = ranges(lexer.read(text, corrections));
        Sentence s = new Sentence(pieces);
        s.notes.addAll(corrections);
        SegmentRule rule = s.top();
        if (!s.atEnd()) {
            throw new RuleNotUnderstood("Could not place \"" + s.rest() + "\".", List.of(s.rest()));
        }
        if (rule == null) {
            String words = s.describing.isEmpty() ? "" : " \"" + String.join(" ", s.describing) + "\" has no number.";
            throw new RuleNotUnderstood("There is no condition in the description." + words + " Say e.g. \"spent over 5k\", "
                    + "\"more than 3 orders\" or \"no purchase in 60 days\".", List.of());
        }
        Group group = rule instanceof Group g ? g : new Group(Logic.AND, List.of(rule));
        s.checkDescribed(group);
        return new Reading(group, List.copyOf(s.notes));
    }

    /**
     * "between 2 and 5", "30-60 days", "₹3,000 to ₹8,000", "from 1 Jan 2025 to 30 June 2025": the
     * word between two values of a kind joins them into a range (so "and" there is no clause boundary).
     */
    private static List<Piece> ranges(List<Piece> in) {
        List<Piece> out = new ArrayList<>(in);
        for (int i = 0; i + 2 < out.size(); i++) {
            Piece a = out.get(i);
            Piece mid = out.get(i + 1);
            Piece b = out.get(i + 2);
            if (!a.isValue() || a.kind() != b.kind() || mid.kind() != Piece.Kind.PHRASE || !(mid.has(Sense.TO) || mid.has(Sense.AND))) {
                continue;
            }
            boolean between = false;
            for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
                between |= out.get(k).kind() == Piece.Kind.PHRASE && out.get(k).has(Sense.BETWEEN);
            }
            if (!mid.has(Sense.TO) && !between || mid.text().equals("and") && !between) {
                continue;
            }
            out.set(i + 1, Piece.phrase(mid.text(), EnumSet.of(Sense.TO)));
        }
        return out;
    }


    static SegmentRule negate(SegmentRule r) {
        if (r instanceof Condition c) {
            return new Condition(c.field(), flip(c.operator()), c.value());
        }
        Group g = (Group) r;
        return new Group(g.op() == Logic.AND ? Logic.OR : Logic.AND, g.rules().stream().map(EnglishParser::negate).toList());
    }

    static RuleOperator flip(RuleOperator op) {
        return switch (op) {
            case GT -> RuleOperator.LTE;
            case GTE -> RuleOperator.LT;
            case LT -> RuleOperator.GTE;
            case LTE -> RuleOperator.GT;
            case EQ -> RuleOperator.NE;
            case NE -> RuleOperator.EQ;
        };
    }

}
