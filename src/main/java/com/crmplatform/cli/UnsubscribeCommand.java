package com.crmplatform.cli;

import com.crmplatform.app.Services;
import com.crmplatform.customer.Consent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "unsubscribe", description = "Records that an email address wants no more marketing email (campaigns "
        + "leave it out from now on); with --again, that it may get them again. Prints {\"email\": \"...\", \"state\": "
        + "\"unsubscribed\", \"at\": \"ISO-8601\", \"how\": \"...\"}.")
final class UnsubscribeCommand implements Callable<Integer> {

    @ParentCommand
    CrmCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Option(names = "--how", defaultValue = "command line", paramLabel = "TEXT",
            description = "Where the wish came from, e.g. \"reply to the Diwali email\" (default: command line).")
    String how;

    @Option(names = "--again", description = "The customer asked to get marketing email again.")
    boolean again;

    @Override
    public Integer call() {
        try (Services services = root.open()) {
            Consent c = again ? services.consent().subscribe(email, how) : services.consent().unsubscribe(email, how);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("email", c.email());
            out.put("state", c.state().name().toLowerCase(java.util.Locale.ROOT));
            out.put("at", c.at().toString());
            out.put("how", c.how());
            Json.print(spec.commandLine().getOut(), out);
        }
        return 0;
    }
}
