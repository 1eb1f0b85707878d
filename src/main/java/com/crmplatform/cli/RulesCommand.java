package com.crmplatform.cli;

import com.crmplatform.ai.GroqSettings;
import com.crmplatform.ai.RuleGenerator;
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
        + "Groq answers when GROQ_API_KEY is set and reachable; otherwise (or with --offline) the built-in parser, "
        + "and stderr says why Groq was not used. Lines starting \"check:\" on stderr say what to check in a rule "
        + "(a reading the parser chose, words it left out).")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    CrmCommand root;

    @Option(names = "--offline", description = "Use the built-in parser only (no network).")
    boolean offline;

    @Parameters(arity = "0..1", paramLabel = "TEXT")
    String text;

    @Override
    public Integer call() throws Exception {
        var config = root.config();
        RuleGenerator generator = new RuleGenerator(GroqSettings.of(config.groqApiKey(), config.groqBaseUrl(), config.groqModel()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (text != null) {
            out.println(answer(generator, text, err));
            out.flush();
            return 0;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = boundedLine(in)) != null) {
                out.println(answer(generator, line, err));
                out.flush();
            }
        }
        return 0;
    }

    /**
     * The next line, at most a little past the longest description (the rest of a longer line is
     * read and dropped, so the parser refuses it as too long); null at the end.
     */
    private static String boundedLine(BufferedReader in) throws java.io.IOException {
        int cap = com.crmplatform.store.Limits.MAX_DESCRIPTION + 1;
        StringBuilder b = new StringBuilder();
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (b.length() < cap) {
                b.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
    }

    private String answer(RuleGenerator generator, String question, PrintWriter err) {
        try {
            RuleGenerator.Answer a = generator.generate(question, offline);
            a.groqProblem().ifPresent(p -> err.println("note: the offline parser answered; Groq was not used: " + p));
            a.notes().forEach(n -> err.println("check: " + n));
            err.flush();
            return RuleJson.write(a.rule());
        } catch (IllegalArgumentException e) {
            return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("error", e.getMessage())).toString();
        }
    }
}
