package com.crmplatform.cli;

import com.crmplatform.app.Services;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.segment.RuleJson;
import com.crmplatform.segment.SegmentRule;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "segment", description = "Audience segments.", subcommands = SegmentCommand.Count.class)
final class SegmentCommand {

    @ParentCommand
    CrmCommand root;

    @Command(name = "count", description = "Prints how many customers a rule selects: "
            + "{\"count\": N, \"unsubscribed\": N, \"rule\": \"Total spend > ₹10,000 AND ...\"}; a campaign leaves out "
            + "the unsubscribed.")
    static final class Count implements Callable<Integer> {

        @ParentCommand
        SegmentCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RULE_JSON", description = "The rule in the contract's JSON.")
        String rule;

        @Override
        public Integer call() {
            SegmentRule parsed = RuleJson.parse(rule);
            try (Services services = parent.root.openForReading()) {
                long n = services.store().audience().countMatching(parsed, LocalDate.now());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("count", n);
                out.put("unsubscribed", services.store().audience().countUnsubscribed(parsed, LocalDate.now()));
                out.put("rule", RuleEnglish.describe(parsed));
                Json.print(spec.commandLine().getOut(), out);
            }
            return 0;
        }
    }
}
