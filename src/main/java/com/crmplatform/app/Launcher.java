package com.crmplatform.app;

import com.crmplatform.cli.Cli;
import com.crmplatform.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The jar's entry point. No arguments opens the window; anything else is the command line. It is
 * not a JavaFX {@code Application}, so the fat jar starts with JavaFX on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        ConfigLoader loader = ConfigLoader.forThisProcess();
        Path dataDir = loader.load(dataDirArgument(args), null).dataDir();
        System.setProperty("crm.logDir", dataDir.resolve("logs").toString());
        if (args.length == 0) {
            CrmApplication.start(loader, args);
            return;
        }
        // The command line's stderr carries one-line errors only; the detail goes to the log file.
        if (System.getProperty("crm.stderrLevel") == null) {
            System.setProperty("crm.stderrLevel", "OFF");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(loader, out, err, args));
    }

    /** {@code --data-dir DIR} or {@code --data-dir=DIR} anywhere on the line, before picocli runs. */
    static Path dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data-dir=")) {
                return Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        return null;
    }
}
