package com.crmplatform.ai.english;

import java.util.List;

/** The offline parser could not read (part of) a description; it names what it could not place. */
public class RuleNotUnderstood extends IllegalArgumentException {

    private final List<String> unplaced;

    public RuleNotUnderstood(String message, List<String> unplaced) {
        super(message);
        this.unplaced = List.copyOf(unplaced);
    }

    public List<String> unplaced() {
        return unplaced;
    }
}
