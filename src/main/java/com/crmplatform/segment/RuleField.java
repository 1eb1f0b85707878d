package com.crmplatform.segment;

import java.util.Optional;

/** The customer fields a segment rule may test, with the JSON name and value type of each. */
public enum RuleField {
    TOTAL_SPEND("totalSpend", ValueType.NUMBER, "Total spend"),
    VISITS("visits", ValueType.INTEGER, "Visits"),
    LAST_PURCHASE_DATE("lastPurchaseDate", ValueType.DATE, "Last purchase"),
    INACTIVE_DAYS("inactiveDays", ValueType.INTEGER, "Inactive");

    /** What a condition's value must be. */
    public enum ValueType { NUMBER, INTEGER, DATE }

    private final String json;
    private final ValueType type;
    private final String label;

    RuleField(String json, ValueType type, String label) {
        this.json = json;
        this.type = type;
        this.label = label;
    }

    public String json() {
        return json;
    }

    public ValueType type() {
        return type;
    }

    public String label() {
        return label;
    }

    public static Optional<RuleField> fromJson(String name) {
        for (RuleField f : values()) {
            if (f.json.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
