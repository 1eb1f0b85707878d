package com.crmplatform.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.config.AppConfig;
import com.crmplatform.config.ConfigLoader;
import com.crmplatform.config.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A central database that cannot be opened at start leaves three ways on, never a dead end. */
class StartupChoicesTest {

    @TempDir
    Path dir;

    @Test
    void aCentralDatabaseThatCannotBeOpenedOffersLocalSettingsOrQuit() throws Exception {
        AppConfig team = new AppConfig(dir, Optional.of("mongodb://db.example.com/crm"));
        assertEquals(List.of(StartupChoices.Choice.USE_LOCAL, StartupChoices.Choice.OPEN_SETTINGS, StartupChoices.Choice.QUIT),
                StartupChoices.offered(team));
        AppConfig local = StartupChoices.next(StartupChoices.Choice.USE_LOCAL, team, () -> team).orElseThrow();
        assertTrue(local.mongoUrl().isEmpty(), "this time on the local store");
        assertEquals(team.dataDir(), local.dataDir());
        // the user corrects the address in Settings; the next try reads what was saved
        ConfigLoader loader = new ConfigLoader(Map.of(), null, "Linux", dir.toString());
        new SettingsStore(dir).write(Map.of(ConfigLoader.MONGO_URL, "mongodb://db2.example.com/crm"));
        AppConfig corrected = StartupChoices.next(StartupChoices.Choice.OPEN_SETTINGS, team, () -> loader.load(dir, null))
                .orElseThrow();
        assertEquals(Optional.of("mongodb://db2.example.com/crm"), corrected.mongoUrl());
        assertTrue(StartupChoices.next(StartupChoices.Choice.QUIT, team, () -> team).isEmpty());
        assertEquals(List.of(StartupChoices.Choice.QUIT), StartupChoices.offered(local), "the local store failing: quit");
    }
}
