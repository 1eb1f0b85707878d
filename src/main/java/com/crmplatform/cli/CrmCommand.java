package com.crmplatform.cli;

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
            AuthCommands.Login.class, AuthCommands.WhoAmI.class, AuthCommands.Logout.class})
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
        return new Services(config, StoreOpener.open(config), LocalUser.fromSystem(), Clock.systemDefaultZone());
    }

    /** As {@link #open()}, for a command that only reads (it then works on a read-only store too). */
    Services openForReading() {
        AppConfig config = config();
        return new Services(config, StoreOpener.openForReading(config), LocalUser.fromSystem(), Clock.systemDefaultZone());
    }
}
