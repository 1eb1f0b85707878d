package com.crmplatform.cli;

import com.crmplatform.delivery.VendorLedger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "vendor", description = "The simulated vendor's own records.", subcommands = VendorCommand.Stats.class)
final class VendorCommand {

    @ParentCommand
    CrmCommand root;

    @Command(name = "stats", description = "Prints {\"accepted\": N, \"distinctRecipients\": N, \"duplicates\": N} for a campaign.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand
        VendorCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "CAMPAIGN_ID")
        String id;

        @Override
        public Integer call() {
            try (com.crmplatform.app.Services services = parent.root.open()) {
                CampaignCommand.existing(services, id); // an unknown id is an error, not zeros
            }
            try (VendorLedger ledger = VendorLedger.open(parent.root.config().dataDir())) {
                VendorLedger.Stats s = ledger.stats(id);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("accepted", s.accepted());
                out.put("distinctRecipients", s.distinctRecipients());
                out.put("duplicates", s.duplicates());
                Json.print(spec.commandLine().getOut(), out);
            }
            return 0;
        }
    }
}
