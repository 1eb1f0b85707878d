package com.crmplatform.ai.english;

import com.crmplatform.segment.RuleException;
import com.crmplatform.segment.RuleJson;
import com.crmplatform.segment.SegmentRule;
import java.util.List;

/**
 * Turns plain English into a segment rule without a model (see {@link EnglishParser}): the answer
 * when there is no Groq key, no network, or Groq fails. It refuses what it cannot place, naming
 * the words, rather than guessing a partial rule, and returns notes for what the user should check.
 */
public final class OfflineRuleParser {

    private static final int MAX_BRACKETS = 10;

    private final EnglishParser english = new EnglishParser();

    /** @throws RuleNotUnderstood naming the words it could not place */
    public SegmentRule.Group parse(String text) {
        return read(text).rule();
    }

    /**
     * The rule with the notes on it (readings chosen, words left out, describing words with no number).
     *
     * @throws RuleNotUnderstood naming the words it could not place
     */
    public EnglishParser.Reading read(String text) {
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
                        + " deep; a rule has at most " + SegmentRule.MAX_DEPTH + " levels.", List.of());
            }
        }
        EnglishParser.Reading reading;
        try {
            reading = english.read(text);
        } catch (ArithmeticException | java.time.DateTimeException | NumberFormatException e) {
            throw new RuleNotUnderstood("A number or date in the description is out of range.", List.of());
        }
        try { // the same checks as any rule (value ranges, dates 1900-2100, size)
            return new EnglishParser.Reading(RuleJson.parse(RuleJson.write(reading.rule())), reading.notes());
        } catch (RuleException e) {
            throw new RuleNotUnderstood("The description gives a value the CRM cannot use: " + e.getMessage() + ".", List.of());
        }
    }
}
