package com.crmplatform.cli;

import com.crmplatform.config.ConfigLoader;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs one command line; errors are one line on stderr and a non-zero exit code. */
public final class Cli {

    private Cli() {
    }

    /**
     * The app's own failures carry a message written for people; anything else is a bug or a
     * surprise, described by what failed and where the details are, never as a raw exception.
     */
    static String userMessage(Exception e) {
        boolean ours = e.getClass().getName().startsWith("com.crmplatform.") || e instanceof IllegalArgumentException;
        if (ours && e.getMessage() != null && !e.getMessage().isBlank()) {
            return com.crmplatform.store.UserText.withoutClassNames(e.getMessage());
        }
        if (e instanceof java.nio.file.InvalidPathException ip) {
            return "\"" + ip.getInput().replaceAll("\\p{Cntrl}", "?") + "\" is not a file name this system can use ("
                    + ip.getReason() + "); if it has accents, start the app with a UTF-8 locale (LANG=C.UTF-8)";
        }
        if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
            Throwable io = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            return "a file could not be read or written (" + (io instanceof java.nio.file.FileSystemException f
                    ? f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason()) : io.getClass().getSimpleName())
                    + ")";
        }
        return "the command failed unexpectedly (" + e.getClass().getSimpleName() + "); the details are in the log file "
                + "(logs/crm.log in the data directory)";
    }

    /** Every command and subcommand answers --help (and -h) with its usage, required options or not. */
    private static void helpEverywhere(CommandLine c) {
        if (!c.getCommandSpec().mixinStandardHelpOptions()) {
            c.getCommandSpec().mixinStandardHelpOptions(true);
        }
        c.getSubcommands().values().forEach(Cli::helpEverywhere);
    }

    /** An error is one line, whatever its text holds (an argument may carry a line break). */
    static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    public static int run(ConfigLoader loader, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new CrmCommand(loader));
        helpEverywhere(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = userMessage(e);
            LoggerFactory.getLogger(Cli.class).warn("command failed", e);
            commandLine.getErr().println("error: " + oneLine(message));
            commandLine.getErr().flush();
            return 1;
        });
        cl.setParameterExceptionHandler((e, params) -> {
            CommandLine c = e.getCommandLine();
            String command = c.getCommandSpec().qualifiedName(" ");
            c.getErr().println("error: " + oneLine(e.getMessage()) + " (see: " + command + " --help)");
            c.getErr().flush();
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) { // a line or a cell of gigabytes
            err.println("error: the input is too large to read (a line or a value of many megabytes); "
                    + "split it or correct the file");
            err.flush();
            return 1;
        }
    }
}
