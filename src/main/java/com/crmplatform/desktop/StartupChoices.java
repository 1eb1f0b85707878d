package com.crmplatform.desktop;

import com.crmplatform.config.AppConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What a user may do when the store cannot be opened at start: never a dead end while there is a way on. */
final class StartupChoices {

    /** The ways on. */
    enum Choice { USE_LOCAL, OPEN_SETTINGS, QUIT }

    private StartupChoices() {
    }

    /** With a central database configured: work locally, correct the settings, or quit; else only quit. */
    static List<Choice> offered(AppConfig config) {
        return config.usesMongo() ? List.of(Choice.USE_LOCAL, Choice.OPEN_SETTINGS, Choice.QUIT) : List.of(Choice.QUIT);
    }

    /**
     * The configuration to try next after a choice; empty for quitting.
     *
     * @param reloaded the configuration as saved after the Settings dialog closed
     */
    static Optional<AppConfig> next(Choice choice, AppConfig current, Supplier<AppConfig> reloaded) {
        return switch (choice) {
            case USE_LOCAL -> Optional.of(current.withoutMongo());
            case OPEN_SETTINGS -> Optional.of(reloaded.get());
            case QUIT -> Optional.empty();
        };
    }
}
