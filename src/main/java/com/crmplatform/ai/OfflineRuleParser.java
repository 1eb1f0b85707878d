package com.crmplatform.ai;

import com.crmplatform.segment.RuleField;
import com.crmplatform.segment.RuleOperator;
import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.segment.SegmentRule.Group;
import com.crmplatform.segment.SegmentRule.Logic;
import com.crmplatform.segment.SegmentRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns plain English into a segment rule without a model: numbers as people write them (5k,
 * 2.5k, 1 lakh, ₹12,500), comparatives, the many words for each field, durations, and AND/OR with
 * "either … or", commas and parentheses (AND binds tighter than OR). When a part cannot be placed
 * it says which words, rather than guessing a partial rule.
 */
public final class OfflineRuleParser {

    private static final int MAX_BRACKETS = 10;

    private final LexiconClause clauses = new LexiconClause();

    /** @throws RuleNotUnderstood naming the words it could not place */
    public Group parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleNotUnderstood("Describe the audience, e.g. \"spent over 10k and inactive for 90 days\".", List.of());
        }
        if (text.length() > com.crmplatform.store.Limits.MAX_DESCRIPTION) {
            throw new RuleNotUnderstood("The description is " + text.length() + " characters long; describe the audience in "
                    + "a sentence or two (at most " + com.crmplatform.store.Limits.MAX_DESCRIPTION + " characters).", List.of());
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
            if (depth > MAX_BRACKETS) {
                throw new RuleNotUnderstood("The description has brackets nested more than " + MAX_BRACKETS
                        + " deep; a rule has at most " + com.crmplatform.segment.SegmentRule.MAX_DEPTH + " levels.", List.of());
            }
        }
        Group rule;
        try {
            List<Token> tokens = Tokens.of(text);
            Parser p = new Parser(tokens);
            SegmentRule parsed = p.top();
            if (!p.atEnd()) {
                throw new RuleNotUnderstood("Could not place \"" + p.rest() + "\".", List.of(p.rest()));
            }
            rule = parsed instanceof Group g ? g : new Group(Logic.AND, List.of(parsed));
        } catch (ArithmeticException | java.time.DateTimeException | NumberFormatException e) {
            throw new RuleNotUnderstood("A number or date in the description is out of range.", List.of());
        }
        try { // the same checks as any rule (value ranges, dates 1900-2100, size)
            return com.crmplatform.segment.RuleJson.parse(com.crmplatform.segment.RuleJson.write(rule));
        } catch (com.crmplatform.segment.RuleException e) {
            throw new RuleNotUnderstood("The description gives a value the CRM cannot use: " + e.getMessage() + ".", List.of());
        }
    }

    /** Recursive descent over clause boundaries: or < and < parentheses / either. */
    private final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return at >= tokens.size();
        }

        String rest() {
            StringBuilder b = new StringBuilder();
            for (int i = at; i < tokens.size(); i++) {
                b.append(i > at ? " " : "").append(tokens.get(i).text());
            }
            return b.toString();
        }

        /** ", and" / ", but" join whole OR-expressions: "A or B, and C" is (A or B) and C. */
        SegmentRule top() {
            List<SegmentRule> parts = new ArrayList<>();
            parts.add(expression());
            while (commaThen("and") || commaThen("but")) {
                at += 2;
                parts.add(expression());
            }
            return join(Logic.AND, parts);
        }

        private boolean commaThen(String word) {
            return at + 1 < tokens.size() && tokens.get(at).is(",") && tokens.get(at + 1).is(word);
        }

        SegmentRule expression() {
            List<SegmentRule> parts = new ArrayList<>();
            parts.add(term());
            while (!atEnd() && tokens.get(at).is("or")) {
                at++;
                parts.add(term());
            }
            return join(Logic.OR, parts);
        }

        SegmentRule term() {
            List<SegmentRule> parts = new ArrayList<>();
            SegmentRule first = factor();
            if (first != null) {
                parts.add(first);
            }
            while (!atEnd() && (tokens.get(at).is("and") || tokens.get(at).is("but") || tokens.get(at).is(","))) {
                if (commaThen("and") || commaThen("but")) {
                    break; // joins at the top level
                }
                at++;
                if (!atEnd() && tokens.get(at).is("or")) {
                    break; // ", or" belongs to the OR level
                }
                SegmentRule next = factor();
                if (next != null) {
                    parts.add(next);
                }
            }
            return join(Logic.AND, parts);
        }

        SegmentRule factor() {
            if (atEnd()) {
                throw new RuleNotUnderstood("The description stops where a condition was expected.", List.of());
            }
            Token t = tokens.get(at);
            if (t.is("(")) {
                at++;
                SegmentRule inner = expression();
                if (!atEnd() && tokens.get(at).is(")")) {
                    at++;
                }
                return inner;
            }
            if (t.is("either")) {
                at++;
                SegmentRule left = term();
                if (atEnd() || !tokens.get(at).is("or")) {
                    return left;
                }
                at++;
                SegmentRule right = term();
                return join(Logic.OR, List.of(left, right));
            }
            int start = at;
            while (!atEnd() && !tokens.get(at).isBoundary()) {
                at++;
            }
            return clauses.parse(tokens.subList(start, at));
        }

        private SegmentRule join(Logic logic, List<SegmentRule> parts) {
            if (parts.isEmpty()) {
                throw new RuleNotUnderstood("There is no condition in the description (e.g. \"spent over 5k\").", List.of());
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            List<SegmentRule> flat = new ArrayList<>();
            for (SegmentRule r : parts) {
                if (r instanceof Group g && g.op() == logic) {
                    flat.addAll(g.rules());
                } else {
                    flat.add(r);
                }
            }
            return new Group(logic, flat);
        }
    }

    /** Reads one clause ("spent over 5k", "no purchase in the last 3 months") into conditions. */
    static final class LexiconClause {

        private static final Set<String> SPEND = Set.of("spend", "spent", "spending", "spends", "spender", "spenders",
                "worth", "value", "revenue", "purchases", "purchase", "bought", "paid", "amount");
        private static final Set<String> VISITS = Set.of("visit", "visits", "visited", "times", "time", "orders", "order",
                "transactions", "trips", "visiting");
        private static final Set<String> DESCRIPTORS = Set.of("customers", "customer", "people", "users", "buyers",
                "shoppers", "clients", "lapsed", "dormant", "inactive", "loyal", "all", "the", "our", "who", "are", "with",
                "big", "high", "value", "spenders", "regular", "frequent", "active", "churned", "those");
        private static final Set<String> INACTIVE = Set.of("inactive", "dormant", "lapsed", "idle", "churned");

        SegmentRule parse(List<Token> clause) {
            List<String> words = clause.stream().map(Token::text).toList();
            String phrase = String.join(" ", words);
            Token number = null;
            Token second = null;
            Token date = null;
            for (Token t : clause) {
                if (t.kind() == Token.Kind.DATE) {
                    date = t;
                } else if (t.kind() == Token.Kind.NUMBER) {
                    if (number == null) {
                        number = t;
                    } else if (second == null) {
                        second = t;
                    }
                }
            }
            boolean negated = has(words, "not") || has(words, "never") || phrase.contains("haven't") || phrase.contains("hasn't")
                    || phrase.contains("havent") || phrase.contains("no purchase") || phrase.contains("no order")
                    || phrase.contains("didn't") || phrase.contains("without") || phrase.contains("no visit")
                    || phrase.contains("not purchased") || phrase.contains("not bought") || phrase.contains("not shopped");
            // Dates: last purchase before / after / on
            if (date != null) {
                RuleOperator op = phrase.contains("before") || phrase.contains("earlier than") || phrase.contains("prior to")
                        ? RuleOperator.LT : phrase.contains("after") || phrase.contains("since") || phrase.contains("later than")
                        ? RuleOperator.GT : phrase.contains("on or before") ? RuleOperator.LTE : RuleOperator.EQ;
                if (phrase.contains("on or before") || phrase.contains("by ")) {
                    op = RuleOperator.LTE;
                } else if (phrase.contains("on or after")) {
                    op = RuleOperator.GTE;
                }
                return new Condition(RuleField.LAST_PURCHASE_DATE, op, LocalDate.parse(date.text()));
            }
            if (number == null && DESCRIPTORS.containsAll(words)) {
                return null; // "lapsed customers, no purchase in 6 months": the words describe, the next clause says
            }
            // "never visited / never bought / never purchased"
            if (number == null && has(words, "never")) {
                return new Condition(RuleField.VISITS, RuleOperator.EQ, 0L);
            }
            if (number == null) {
                throw new RuleNotUnderstood("Could not find a number or date in \"" + phrase + "\".", List.of(phrase));
            }
            boolean duration = number.unitDays() > 0;
            RuleField field;
            if (duration || INACTIVE.stream().anyMatch(words::contains) || phrase.contains("active")) {
                field = RuleField.INACTIVE_DAYS;
            } else if (number.money() || SPEND.stream().anyMatch(words::contains)) {
                field = RuleField.TOTAL_SPEND;
            } else if (VISITS.stream().anyMatch(words::contains)) {
                field = RuleField.VISITS;
            } else {
                throw new RuleNotUnderstood("Could not tell what \"" + phrase + "\" is about (spend, visits, inactivity "
                        + "or last purchase date).", List.of(phrase));
            }
            if (field == RuleField.INACTIVE_DAYS) {
                long days = number.daysValue();
                boolean recentActivity = !negated && !INACTIVE.stream().anyMatch(words::contains)
                        && (phrase.contains("active") || phrase.contains("bought") || phrase.contains("purchased")
                        || phrase.contains("shopped") || phrase.contains("ordered") || phrase.contains("visited")
                        || phrase.contains("within") || phrase.contains("recent"));
                RuleOperator explicit = comparator(phrase, words);
                RuleOperator op = explicit != null && !recentActivity ? explicit : recentActivity ? RuleOperator.LT : RuleOperator.GT;
                if (recentActivity && explicit == RuleOperator.GT) {
                    op = RuleOperator.LT; // "bought in more than..." is rare; activity means recent
                }
                return new Condition(field, op, days);
            }
            if (second != null && (phrase.contains("between") || phrase.contains(" from "))) {
                BigDecimal lo = number.value().min(second.value());
                BigDecimal hi = number.value().max(second.value());
                return new Group(Logic.AND, List.of(condition(field, RuleOperator.GTE, lo), condition(field, RuleOperator.LTE, hi)));
            }
            RuleOperator op = comparator(phrase, words);
            if (op == null) {
                op = negated ? RuleOperator.NE : RuleOperator.EQ;
            } else if (negated && has(words, "not") && !phrase.contains("not more") && !phrase.contains("not less")
                    && !phrase.contains("no more") && !phrase.contains("no less")) {
                op = negate(op);
            }
            return condition(field, op, number.value());
        }

        private static Condition condition(RuleField field, RuleOperator op, BigDecimal value) {
            if (field == RuleField.VISITS) {
                return new Condition(field, op, value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
            }
            return new Condition(field, op, value);
        }

        /** The comparison a phrase asks for, or null when it says none. */
        static RuleOperator comparator(String phrase, List<String> words) {
            if (phrase.contains("no more than") || phrase.contains("not more than") || phrase.contains("at most")
                    || phrase.contains("or fewer") || phrase.contains("or less") || phrase.contains("up to")
                    || phrase.contains("maximum") || phrase.contains("<=") || phrase.contains("max ")) {
                return RuleOperator.LTE;
            }
            if (phrase.contains("no less than") || phrase.contains("not less than") || phrase.contains("at least")
                    || phrase.contains("or more") || phrase.contains("or above") || phrase.contains("minimum")
                    || phrase.contains(">=") || phrase.contains("+ ") || phrase.endsWith("+") || phrase.contains("min ")) {
                return RuleOperator.GTE;
            }
            if (phrase.contains("!=") || phrase.contains("other than") || phrase.contains("except")) {
                return RuleOperator.NE;
            }
            if (phrase.contains("more than") || phrase.contains("over") || phrase.contains("above") || phrase.contains("exceed")
                    || phrase.contains("greater than") || phrase.contains("higher than") || phrase.contains(">")
                    || phrase.contains("beyond") || phrase.contains("longer than")) {
                return RuleOperator.GT;
            }
            if (phrase.contains("less than") || phrase.contains("fewer than") || phrase.contains("under")
                    || phrase.contains("below") || phrase.contains("lower than") || phrase.contains("<")
                    || phrase.contains("within")) {
                return RuleOperator.LT;
            }
            if (phrase.contains("exactly") || phrase.contains("equal") || phrase.contains("=") || has(words, "precisely")) {
                return RuleOperator.EQ;
            }
            return null;
        }

        private static RuleOperator negate(RuleOperator op) {
            return switch (op) {
                case GT -> RuleOperator.LTE;
                case GTE -> RuleOperator.LT;
                case LT -> RuleOperator.GTE;
                case LTE -> RuleOperator.GT;
                case EQ -> RuleOperator.NE;
                case NE -> RuleOperator.EQ;
            };
        }

        private static boolean has(List<String> words, String w) {
            return words.contains(w);
        }
    }
}
