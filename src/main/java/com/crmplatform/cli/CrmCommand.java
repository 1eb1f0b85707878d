package com.crmplatform.cli;

import com.crmplatform.app.OpeningProgress;
import com.crmplatform.app.Services;
import com.crmplatform.app.StoreOpener;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command line: no subcommand opens the window (handled by the launcher). */
@Command(name = "crm-platform", mixinStandardHelpOptions = true, version = "CRM Platform 0.1.0",
        description = "Desktop CRM. With no arguments it opens the window; a subcommand works headless.",
        subcommands = {SeedCommand.class, ImportCommand.class, ExportCommand.class, SegmentCommand.class,
            CampaignCommand.class, DeliveryCommand.class, VendorCommand.class, RulesCommand.class, BenchCommand.class,
            SyncCommand.class, UnsubscribeCommand.class, AuthCommands.Login.class, AuthCommands.WhoAmI.class, AuthCommands.Logout.class})
public final class CrmCommand {

    @Option(names = "--db", paramLabel = "URI", scope = ScopeType.INHERIT,
            description = "A MongoDB connection string (default: MONGO_URL, else the local store in the data directory).")
    String db;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The data directory (default: CRM_DATA_DIR, else the per-user data directory).")
    Path dataDir;

    @Option(names = "--env-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Settings as NAME=value lines (default: .env in the data directory; never the working directory).")
    Path envFile;

    private final ConfigLoader loader;

    public CrmCommand(ConfigLoader loader) {
        this.loader = loader;
    }

    ConfigLoader loader() {
        return loader;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    AppConfig config() {
        Checks.notBlank(spec, "--data-dir", dataDir == null ? null : dataDir.toString());
        Checks.notBlank(spec, "--db", db);
        return loader.load(dataDir, db);
    }

    /** Opens the configured store with every service; the caller closes it. */
    Services open() {
        AppConfig config = config();
        return onReplica(new Services(config, StoreOpener.open(config, openingProgress()), LocalUser.fromSystem(),
                Clock.systemDefaultZone()));
    }

    /**
     * In team mode a data command works on the replica: online, it is brought up to date first and
     * what the command wrote is pushed before it ends; offline, one line on stderr says so and the
     * changes stay pending.
     */
    private Services onReplica(Services services) {
        if (!services.sync().teamMode()) {
            return services;
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        try {
            services.sync().syncNow(openingProgress(), () -> false);
        } catch (RuntimeException e) {
            var status = services.sync().status();
            String reason = e.getMessage() == null ? "" : e.getMessage();
            int end = reason.indexOf(". ");
            err.println("offline: working on this computer's copy of the team database (last synced "
                    + (status.lastSync() == null ? "never" : status.lastSync().toString()) + "); its changes stay pending "
                    + "until the next sync (" + (end > 0 ? reason.substring(0, end) : reason) + ")");
            err.flush();
            return services; // said once; nothing to push while offline
        }
        return services.pushWhenClosing(line -> {
            err.println(line);
            err.flush();
        });
    }

    /** The first filling of an empty replica, told on stderr every 10%; an upgrade of the file, told once. */
    OpeningProgress openingProgress() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        long[] shown = {-1};
        return new OpeningProgress() {
            @Override
            public void update(long done, long total) {
                if (total == 0) {
                    return; // an empty team database: nothing to copy, nothing to say
                }
                long tenth = done * 10 / total;
                if (tenth != shown[0]) {
                    shown[0] = tenth;
                    err.println("first sync: " + done + " of " + total + " records copied to this computer");
                    err.flush();
                }
            }

            @Override
            public void upgrading() {
                err.println("upgrading this computer's data for this version of the app: once, about a second per "
                        + "100,000 customers and orders");
                err.flush();
            }
        };
    }

    /** As {@link #open()}, for a command that only reads (it then works on a read-only store too). */
    Services openForReading() {
        AppConfig config = config();
        return onReplica(new Services(config, StoreOpener.openForReading(config, openingProgress()), LocalUser.fromSystem(),
                Clock.systemDefaultZone()));
    }
}
