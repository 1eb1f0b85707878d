package com.crmplatform.ai;

import com.crmplatform.ai.english.OfflineRuleParser;
import com.crmplatform.ai.english.RuleNotUnderstood;
import com.crmplatform.ai.english.EnglishParser;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.segment.RuleJson;
import com.crmplatform.segment.SegmentRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores the offline parser on a question file: one {"q", "rule"} per line (right when it selects
 * the same customers) or {"q", "expect": "message"} (right when it refuses or says what to check).
 * A wrong answer with no note is a silent wrong answer, the one kind the parser must not give.
 */
record ParserEvaluation(int questions, int right, int silentlyWrong, List<String> misses) {

    static ParserEvaluation of(OfflineRuleParser parser, Path file) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                lines.add(mapper.readTree(line));
            }
        }
        List<BigDecimal> spend = new ArrayList<>();
        List<Long> days = new ArrayList<>();
        for (JsonNode n : lines) {
            if (n.has("rule")) {
                RuleScoring.thresholds(RuleJson.parse(n.get("rule").toString()), spend, days);
            }
        }
        RuleScoring scoring = new RuleScoring(spend, days);
        int right = 0;
        int silent = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode n : lines) {
            String q = n.get("q").asText();
            EnglishParser.Reading answer;
            try {
                answer = parser.read(q);
            } catch (RuleNotUnderstood e) {
                if (!n.has("rule")) {
                    right++;
                } else {
                    misses.add("REFUSED \"" + q + "\": " + e.getMessage());
                }
                continue;
            }
            boolean noted = !answer.notes().isEmpty();
            if (!n.has("rule")) {
                if (noted) {
                    right++;
                } else {
                    silent++;
                    misses.add("SILENT  \"" + q + "\" -> " + RuleEnglish.describe(answer.rule()) + "   expected a message");
                }
                continue;
            }
            SegmentRule.Group expected = RuleJson.parse(n.get("rule").toString());
            if (scoring.same(answer.rule(), expected)) {
                right++;
                continue;
            }
            if (!noted) {
                silent++;
            }
            misses.add((noted ? "NOTED   \"" : "SILENT  \"") + q + "\" -> " + RuleEnglish.describe(answer.rule())
                    + "   expected " + RuleEnglish.describe(expected) + (noted ? "   notes: " + answer.notes() : ""));
        }
        return new ParserEvaluation(lines.size(), right, silent, misses);
    }

    double score() {
        return (double) right / questions;
    }

    double silentShare() {
        return (double) silentlyWrong / questions;
    }

    String summary(String name) {
        return String.format("%s: %d/%d right (%.1f%%), %d silently wrong (%.1f%%)", name, right, questions, 100 * score(),
                silentlyWrong, 100 * silentShare());
    }

    void printMisses(Consumer<String> out) {
        misses.forEach(out);
    }
}
