package com.crmplatform.cli;

import com.crmplatform.app.Services;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.segment.RuleJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "campaign", description = "Campaigns.", subcommands = {CampaignCommand.Create.class, CampaignCommand.ListAll.class,
    CampaignCommand.Show.class, CampaignCommand.SendAgain.class})
final class CampaignCommand {

    @ParentCommand
    CrmCommand root;

    static Map<String, Object> json(Campaign c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("name", c.name());
        out.put("status", c.status().name());
        out.put("audienceSize", c.audienceSize());
        out.put("sent", c.sent());
        out.put("failed", c.failed());
        out.put("pending", c.pending());
        out.put("rule", RuleEnglish.describe(c.rule()));
        out.put("channel", c.channel().name().toLowerCase(java.util.Locale.ROOT));
        if (!c.subject().isEmpty()) {
            out.put("subject", c.subject());
        }
        out.put("message", c.message());
        out.put("createdBy", c.audit().createdBy());
        out.put("createdAt", c.audit().createdAt().toString());
        return out;
    }

    @Command(name = "create", description = "Launches a campaign: freezes its audience and prints its id.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--rules", required = true, paramLabel = "RULE_JSON")
        String rules;
        @Option(names = "--message", required = true, paramLabel = "TEMPLATE", description = "e.g. \"Hi {name}, 10%% off!\"")
        String message;
        @Option(names = "--channel", defaultValue = "simulated", paramLabel = "simulated|email",
                description = "How the messages go: the simulated vendor (default) or email over SMTP (see SMTP_HOST).")
        String channel;
        @Option(names = "--subject", paramLabel = "TEMPLATE", description = "The email's subject, with the message's "
                + "placeholders, e.g. \"{firstName}, your Diwali offer\"; needed with --channel email.")
        String subject;

        @Override
        public Integer call() {
            var rule = RuleJson.parse(rules);
            com.crmplatform.delivery.Channel via = com.crmplatform.delivery.Channel.of(channel);
            if (via != com.crmplatform.delivery.Channel.EMAIL && subject != null) {
                throw new IllegalArgumentException("--subject is for email campaigns; add --channel email.");
            }
            try (Services services = parent.root.open()) {
                Campaign c = services.campaigns().launch(name, rule, via, subject, message);
                if (via == com.crmplatform.delivery.Channel.EMAIL && Services.emailVia(services.config()::mailSetting).isEmpty()) {
                    spec.commandLine().getErr().println("warning: no mail server is set up on this computer (SMTP_HOST, "
                            + "SMTP_FROM): the emails go when a computer that has one runs delivery.");
                    spec.commandLine().getErr().flush();
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("id", c.id());
                out.put("audienceSize", c.audienceSize());
                Json.print(spec.commandLine().getOut(), out);
            }
            return 0;
        }
    }

    /** A campaign the user named that is not there: said as such, not as a concurrent deletion. */
    static Campaign existing(Services services, String id) {
        try {
            return services.campaigns().find(id);
        } catch (com.crmplatform.store.NotFoundException e) {
            throw new IllegalArgumentException("There is no campaign " + id + "; `campaign list` prints the campaigns and their ids.");
        }
    }

    @Command(name = "list", description = "Prints one JSON line per campaign, newest first (as `campaign show` prints one).")
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--limit", defaultValue = "1000", paramLabel = "N", description = "At most N campaigns (default 1000).")
        int limit;

        @Override
        public Integer call() {
            try (Services services = parent.root.open()) {
                for (Campaign c : services.campaigns().history(Math.max(1, limit))) {
                    Json.print(spec.commandLine().getOut(), json(c));
                }
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Prints a campaign and its delivery figures as JSON.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            try (Services services = parent.root.open()) {
                Json.print(spec.commandLine().getOut(), json(existing(services, id)));
            }
            return 0;
        }
    }

    @Command(name = "send-again", description = "Puts a campaign's failed messages back for another attempt.")
    static final class SendAgain implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            try (Services services = parent.root.open()) {
                existing(services, id);
                Json.print(spec.commandLine().getOut(), Map.of("requeued", services.campaigns().sendAgainToFailed(id)));
            }
            return 0;
        }
    }
}
