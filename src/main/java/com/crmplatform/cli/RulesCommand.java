package com.crmplatform.cli;

import com.crmplatform.ai.OfflineRuleParser;
import com.crmplatform.segment.RuleJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rules", description = "Turns plain English into segment rule JSON, one compact line per question "
        + "({\"error\": \"...\"} when not understood). Without TEXT, reads one question per line of standard input. "
        + "This version answers with the built-in offline parser; the Groq engine comes with the AI issue.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--offline", description = "Use the built-in parser only (no network).")
    boolean offline;

    @Parameters(arity = "0..1", paramLabel = "TEXT")
    String text;

    @Override
    public Integer call() throws Exception {
        OfflineRuleParser parser = new OfflineRuleParser();
        PrintWriter out = spec.commandLine().getOut();
        if (text != null) {
            out.println(answer(parser, text));
            out.flush();
            return 0;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(answer(parser, line));
                out.flush();
            }
        }
        return 0;
    }

    private static String answer(OfflineRuleParser parser, String question) {
        try {
            return RuleJson.write(parser.parse(question));
        } catch (IllegalArgumentException e) {
            return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("error", e.getMessage())).toString();
        }
    }
}
