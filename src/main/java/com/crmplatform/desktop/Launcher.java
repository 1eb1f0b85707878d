package com.crmplatform.desktop;

import com.crmplatform.cli.Cli;
import com.crmplatform.config.ConfigLoader;
import com.crmplatform.config.DataDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The jar's entry point. No arguments opens the window; anything else is the command line. It is
 * not a JavaFX {@code Application}, so the fat jar starts with JavaFX on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            launch(args);
        } catch (java.nio.file.InvalidPathException e) { // a non-ASCII path under a non-UTF-8 locale
            System.err.println("error: \"" + e.getInput().replaceAll("\\p{Cntrl}", "?") + "\" is not a file name this system "
                    + "can use (" + e.getReason() + "); if it has accents, start the app with a UTF-8 locale (LANG=C.UTF-8)");
            System.exit(2);
        }
    }

    private static void launch(String[] args) {
        ConfigLoader loader = ConfigLoader.forThisProcess(dataDirArgument(args), optionValue(args, "--env-file"));
        Path dataDir = loader.load(dataDirArgument(args), null).dataDir();
        List<String> warnings = secureDataDirectory(dataDir);
        System.setProperty("crm.logDir", dataDir.resolve("logs").toString());
        warnings.forEach(w -> LoggerFactory.getLogger(Launcher.class).warn(w));
        String[] windowArgs = java.util.Arrays.stream(args).filter(a -> !a.equals(SMOKE_TEST)).toArray(String[]::new);
        if (onlyWindowOptions(windowArgs)) { // no subcommand: the window, with the options given
            CrmApplication.start(loader, dataDirArgument(args), optionText(args, "--db"), windowArgs.length < args.length);
            return;
        }
        // The command line's stderr carries one-line errors only; the detail goes to the log file.
        if (System.getProperty("crm.stderrLevel") == null) {
            System.setProperty("crm.stderrLevel", "OFF");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        warnings.forEach(w -> err.println("warning: " + w));
        System.exit(Cli.run(loader, out, err, args));
    }

    /** The data directory made owner-only before anything (the log first) is written into it. */
    private static List<String> secureDataDirectory(Path dataDir) {
        try {
            return DataDirectory.secure(dataDir);
        } catch (IOException | RuntimeException e) {
            // Opening the store says what is wrong with the folder in words; nothing to add here.
            return List.of();
        }
    }

    /** Opens the main window, closes it and exits 0: a check that an installed launcher works. */
    static final String SMOKE_TEST = "--smoke-test";

    private static final java.util.Set<String> WINDOW_OPTIONS = java.util.Set.of("--data-dir", "--db", "--env-file");

    /** True when the arguments are only global options with their values (or none): open the window. */
    static boolean onlyWindowOptions(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (WINDOW_OPTIONS.contains(a) && i + 1 < args.length && !args[i + 1].isBlank()) {
                i++;
            } else if (!(a.contains("=") && WINDOW_OPTIONS.contains(a.substring(0, a.indexOf('=')))
                    && a.length() > a.indexOf('=') + 1)) {
                return false;
            }
        }
        return true;
    }

    private static String optionText(String[] args, String option) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(option + "=")) {
                return args[i].substring(option.length() + 1);
            }
        }
        return null;
    }

    /** {@code --data-dir DIR} or {@code --data-dir=DIR} anywhere on the line, before picocli runs. */
    static Path dataDirArgument(String[] args) {
        return optionValue(args, "--data-dir");
    }

    /** {@code OPTION VALUE} or {@code OPTION=VALUE} anywhere on the line, as a path; null when absent or empty. */
    static Path optionValue(String[] args, String option) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].equals(option) && i + 1 < args.length ? args[i + 1]
                    : args[i].startsWith(option + "=") ? args[i].substring(option.length() + 1) : null;
            if (value != null) {
                // An empty value is refused by the command line; it must not mean "the current folder" here.
                return value.isBlank() ? null : Path.of(value);
            }
        }
        return null;
    }
}
