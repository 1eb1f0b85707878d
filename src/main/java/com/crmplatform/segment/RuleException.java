package com.crmplatform.segment;

/** A rule that breaks the contract; the message names the bad part (e.g. {@code rules[1].field}). */
public class RuleException extends IllegalArgumentException {

    private final String path;

    public RuleException(String path, String problem) {
        super((path.isEmpty() ? "the rule" : path) + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
