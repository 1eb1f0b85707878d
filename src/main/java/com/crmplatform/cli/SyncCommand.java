package com.crmplatform.cli;

import com.crmplatform.app.Services;
import com.crmplatform.store.StoreException;
import com.crmplatform.sync.Conflict;
import com.crmplatform.sync.SyncEngine;
import com.crmplatform.sync.SyncService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Team-mode sync of this workstation's copy with MongoDB. */
@Command(name = "sync", description = "Pushes this computer's changes to MongoDB and pulls everyone else's, until "
        + "nothing is left (team mode). Exit 1 with a one-line reason when MongoDB cannot be reached.",
        subcommands = {SyncCommand.Status.class, SyncCommand.Conflicts.class, SyncCommand.Resolve.class})
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    CrmCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Services services = openTeam(root, spec)) {
            SyncEngine.Outcome outcome = services.sync().syncNow(root.openingProgress(), () -> false);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pushed", outcome.pushed());
            out.put("pulled", outcome.pulled());
            putStatus(out, services.sync().status());
            Json.print(spec.commandLine().getOut(), out);
        }
        return 0;
    }

    /** Opens the replica without syncing (the sync subcommands decide what to do with MongoDB). */
    static Services openTeam(CrmCommand root, CommandSpec spec) {
        var config = root.config();
        if (config.mongoUrl().isEmpty()) {
            throw new StoreException("sync is for team mode: set MONGO_URL (or --db mongodb://…) to the team's "
                    + "MongoDB; in local mode everything is on this computer already.");
        }
        return new Services(config, com.crmplatform.app.StoreOpener.open(config, root.openingProgress()),
                com.crmplatform.auth.LocalUser.fromSystem(), java.time.Clock.systemDefaultZone());
    }

    static void putStatus(Map<String, Object> out, SyncService.Status status) {
        out.put("online", status.online());
        out.put("pending", status.pending());
        out.put("conflicts", status.conflicts());
        out.put("lastSync", status.lastSync() == null ? null : status.lastSync().toString());
    }

    @Command(name = "status", description = "Prints {\"online\": bool, \"pending\": N, \"conflicts\": N, "
            + "\"lastSync\": \"ISO-8601 or null\"}.")
    static final class Status implements Callable<Integer> {

        @ParentCommand
        SyncCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Services services = openTeam(parent.root, spec)) {
                Map<String, Object> out = new LinkedHashMap<>();
                putStatus(out, services.sync().probe());
                Json.print(spec.commandLine().getOut(), out);
            }
            return 0;
        }
    }

    @Command(name = "conflicts", description = "Prints one JSON line per open conflict: "
            + "{\"id\", \"record\", \"field\", \"mine\", \"theirs\"}.")
    static final class Conflicts implements Callable<Integer> {

        @ParentCommand
        SyncCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Services services = openTeam(parent.root, spec)) {
                for (Conflict c : services.sync().conflicts()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", c.id());
                    out.put("record", c.record());
                    out.put("field", c.field());
                    out.put("mine", c.mine());
                    out.put("theirs", c.theirs());
                    Json.print(spec.commandLine().getOut(), out);
                }
            }
            return 0;
        }
    }

    @Command(name = "resolve", description = "Settles a conflict: mine (this computer's value) or theirs (the "
            + "central one). The choice is pushed now when MongoDB answers, else at the next sync.")
    static final class Resolve implements Callable<Integer> {

        enum Choice { mine, theirs }

        @ParentCommand
        SyncCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The conflict's id, from `sync conflicts`.")
        long id;

        @Parameters(index = "1", paramLabel = "mine|theirs", description = "Whose value to keep.")
        Choice choice;

        @Override
        public Integer call() {
            try (Services services = openTeam(parent.root, spec).pushWhenClosing(line -> {
                spec.commandLine().getErr().println(line);
                spec.commandLine().getErr().flush();
            })) {
                services.sync().resolve(id, choice == Choice.mine);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("resolved", id);
                out.put("kept", choice.name());
                Json.print(spec.commandLine().getOut(), out);
            }
            return 0;
        }
    }
}
