package com.crmplatform.segment;

import com.crmplatform.segment.SegmentRule.Condition;
import com.crmplatform.segment.SegmentRule.Group;
import com.crmplatform.segment.SegmentRule.Logic;
import com.crmplatform.store.Limits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes rules in exactly the contract's JSON. Reading is the validator: anything not in
 * the whitelist of keys, fields, operators and value types is refused with the path of the bad
 * part, so nothing unchecked ever reaches a database.
 */
public final class RuleJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // 1e999 stays a (too large) number instead of becoming an infinite double
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> GROUP_KEYS = Set.of("op", "rules");
    private static final Set<String> CONDITION_KEYS = Set.of("field", "operator", "value");

    private RuleJson() {
    }

    /** @throws RuleException naming what is wrong and where */
    public static Group parse(String json) {
        if (json.length() > Limits.MAX_RULE_JSON) {
            throw new RuleException("", "is longer than " + Limits.MAX_RULE_JSON + " characters; a rule has at most "
                    + Limits.MAX_RULE_CONDITIONS + " conditions");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            if (why != null && why.contains("Trailing token")) {
                why = "there is more after the rule's closing }";
            } else if (why != null && why.startsWith("Duplicate field")) {
                why = why.replace("Duplicate field", "a key appears twice:");
            }
            throw new RuleException("", "not valid JSON (" + why + ")");
        }
        if (root == null || !root.isObject()) {
            throw new RuleException("", "must be a JSON object with \"op\" and \"rules\"");
        }
        if (!root.has("op") && !root.has("rules")) {
            throw new RuleException("", "the top level must be a group ({\"op\": \"AND\", \"rules\": [...]}), "
                    + "even for a single condition");
        }
        Group rule = group(root, "", 1);
        int conditions = countConditions(rule);
        if (conditions > Limits.MAX_RULE_CONDITIONS) {
            throw new RuleException("", "has " + conditions + " conditions; a rule may have at most "
                    + Limits.MAX_RULE_CONDITIONS);
        }
        return rule;
    }

    private static int countConditions(SegmentRule rule) {
        return rule instanceof Group g ? g.rules().stream().mapToInt(RuleJson::countConditions).sum() : 1;
    }

    private static SegmentRule rule(JsonNode node, String path, int depth) {
        if (!node.isObject()) {
            throw new RuleException(path, "must be a condition or a group object");
        }
        checkKeys(node, path);
        boolean group = node.has("op") || node.has("rules");
        boolean condition = node.has("field") || node.has("operator") || node.has("value");
        if (group && condition) {
            throw new RuleException(path, "mixes group keys (op, rules) with condition keys (field, operator, value)");
        }
        return group ? group(node, path, depth) : condition(node, path);
    }

    private static Group group(JsonNode node, String path, int depth) {
        checkKeys(node, path);
        if (depth > SegmentRule.MAX_DEPTH) {
            throw new RuleException(path, "groups are nested more than " + SegmentRule.MAX_DEPTH + " levels deep");
        }
        JsonNode op = node.get("op");
        if (op == null || !op.isTextual()) {
            throw new RuleException(dot(path, "op"), "must be \"AND\" or \"OR\"");
        }
        Logic logic;
        try {
            logic = Logic.valueOf(op.asText().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleException(dot(path, "op"), "\"" + op.asText() + "\" is not AND or OR");
        }
        for (String key : iterable(node.fieldNames())) {
            if (!GROUP_KEYS.contains(key)) {
                throw new RuleException(dot(path, key), "unknown key in a group (expected op and rules)");
            }
        }
        JsonNode rules = node.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new RuleException(dot(path, "rules"), "must be a list of conditions or groups");
        }
        if (rules.isEmpty()) {
            throw new RuleException(dot(path, "rules"), "is empty; a group needs at least one rule");
        }
        List<SegmentRule> list = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            list.add(rule(rules.get(i), dot(path, "rules") + "[" + i + "]", depth + 1));
        }
        return new Group(logic, list);
    }

    private static Condition condition(JsonNode node, String path) {
        for (String key : iterable(node.fieldNames())) {
            if (!CONDITION_KEYS.contains(key)) {
                throw new RuleException(dot(path, key), "unknown key in a condition (expected field, operator and value)");
            }
        }
        JsonNode f = node.get("field");
        if (f == null || !f.isTextual()) {
            throw new RuleException(dot(path, "field"), "is missing (one of totalSpend, visits, lastPurchaseDate, inactiveDays)");
        }
        RuleField field = RuleField.fromJson(f.asText()).orElseThrow(() -> new RuleException(dot(path, "field"),
                "unknown field \"" + f.asText() + "\" (expected totalSpend, visits, lastPurchaseDate or inactiveDays)"));
        JsonNode o = node.get("operator");
        if (o == null || !o.isTextual()) {
            throw new RuleException(dot(path, "operator"), "is missing (one of >, >=, <, <=, =, !=)");
        }
        RuleOperator op = RuleOperator.fromSymbol(o.asText().strip()).orElseThrow(() -> new RuleException(
                dot(path, "operator"), "unknown operator \"" + o.asText() + "\" (expected >, >=, <, <=, = or !=)"));
        JsonNode v = node.get("value");
        String vp = dot(path, "value");
        if (v == null || v.isNull()) {
            throw new RuleException(vp, "is missing");
        }
        if (v.isNumber()) {
            try {
                v.decimalValue();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new RuleException(vp, "is not a usable number: " + v);
            }
        }
        Object value = switch (field.type()) {
            case NUMBER -> {
                if (!v.isNumber()) {
                    throw new RuleException(vp, "must be a number (rupees), not " + v);
                }
                // Bounded precision: 1e-100000000 would cost minutes to compare, and MongoDB's decimals hold 34 digits.
                if (v.decimalValue().stripTrailingZeros().scale() > 10 || v.decimalValue().precision() > 30) {
                    throw new RuleException(vp, "has too many decimal places (at most 10): " + v);
                }
                if (v.decimalValue().abs().compareTo(Limits.MAX_TOTAL_SPEND) > 0) {
                    throw new RuleException(vp, "is beyond the largest total spend the CRM keeps (₹"
                            + Limits.MAX_TOTAL_SPEND.toPlainString() + ")");
                }
                yield v.decimalValue();
            }
            case INTEGER -> {
                if (!v.isNumber() || v.decimalValue().stripTrailingZeros().scale() > 0) {
                    throw new RuleException(vp, "must be a whole number, not " + v);
                }
                long max = field == RuleField.INACTIVE_DAYS ? Limits.MAX_INACTIVE_DAYS : Limits.MAX_VISITS;
                if (v.decimalValue().signum() < 0) {
                    throw new RuleException(vp, "cannot be negative");
                }
                if (v.decimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
                    throw new RuleException(vp, "is more than " + max + (field == RuleField.INACTIVE_DAYS
                            ? " days (over a hundred years)" : ", the most visits the CRM keeps"));
                }
                yield v.decimalValue().longValueExact();
            }
            case DATE -> {
                if (!v.isTextual()) {
                    throw new RuleException(vp, "must be a date as \"YYYY-MM-DD\", not " + v);
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(v.asText(), ISO);
                } catch (DateTimeException e) {
                    throw new RuleException(vp, "\"" + v.asText() + "\" is not a date as YYYY-MM-DD");
                }
                if (!Limits.isSaneDate(date)) {
                    throw new RuleException(vp, "\"" + v.asText() + "\" is not " + Limits.dateRange());
                }
                yield date;
            }
        };
        return new Condition(field, op, value);
    }

    private static void checkKeys(JsonNode node, String path) {
        for (String key : iterable(node.fieldNames())) {
            if (key.startsWith("$")) {
                throw new RuleException(dot(path, key), "keys starting with $ are not allowed");
            }
        }
    }

    /** The rule as compact contract JSON. */
    public static String write(SegmentRule rule) {
        return toNode(rule).toString();
    }

    public static ObjectNode toNode(SegmentRule rule) {
        ObjectNode n = NODES.objectNode();
        if (rule instanceof Group g) {
            n.put("op", g.op().name());
            ArrayNode rules = n.putArray("rules");
            g.rules().forEach(r -> rules.add(toNode(r)));
        } else if (rule instanceof Condition c) {
            n.put("field", c.field().json());
            n.put("operator", c.operator().symbol());
            switch (c.field().type()) {
                case NUMBER -> n.put("value", plain(c.number()));
                case INTEGER -> n.put("value", c.integer());
                case DATE -> n.put("value", c.date().toString());
            }
        }
        return n;
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String dot(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
