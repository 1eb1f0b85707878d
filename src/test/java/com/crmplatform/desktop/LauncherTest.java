package com.crmplatform.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Global options with no subcommand open the window; anything else is the command line. */
class LauncherTest {

    @Test
    void globalOptionsAloneOpenTheWindowWithThoseOptions() {
        assertTrue(Launcher.onlyWindowOptions(new String[] {}));
        assertTrue(Launcher.onlyWindowOptions(new String[] {"--data-dir", "/tmp/second"}));
        assertTrue(Launcher.onlyWindowOptions(new String[] {"--data-dir=/tmp/second", "--db", "mongodb://h/crm"}));
        assertTrue(Launcher.onlyWindowOptions(new String[] {"--env-file", "/tmp/team.env"}));
        assertEquals(Path.of("/tmp/second"), Launcher.dataDirArgument(new String[] {"--data-dir=/tmp/second"}));
    }

    @Test
    void aSubcommandAMissingValueOrHelpIsTheCommandLine() {
        assertFalse(Launcher.onlyWindowOptions(new String[] {"--data-dir", "/tmp/x", "seed", "--customers", "3"}));
        assertFalse(Launcher.onlyWindowOptions(new String[] {"--data-dir"}));
        assertFalse(Launcher.onlyWindowOptions(new String[] {"--data-dir", ""}));
        assertFalse(Launcher.onlyWindowOptions(new String[] {"--data-dir="}));
        assertFalse(Launcher.onlyWindowOptions(new String[] {"--help"}));
        assertNull(Launcher.dataDirArgument(new String[] {"--data-dir", " "}), "an empty value is never the working folder");
    }
}
