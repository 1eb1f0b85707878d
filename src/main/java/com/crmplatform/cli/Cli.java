package com.crmplatform.cli;

import com.crmplatform.config.ConfigLoader;
import com.crmplatform.importexport.ImportException;
import com.crmplatform.store.StoreException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs one command line; errors are one line on stderr and a non-zero exit code. */
public final class Cli {

    private Cli() {
    }

    public static int run(ConfigLoader loader, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new CrmCommand(loader));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e instanceof StoreException || e instanceof ImportException
                    || e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
            LoggerFactory.getLogger(Cli.class).debug("command failed", e);
            commandLine.getErr().println("error: " + message);
            commandLine.getErr().flush();
            return 1;
        });
        return cl.execute(args);
    }
}
