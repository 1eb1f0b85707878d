package com.crmplatform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void optionsBeatTheEnvironmentWhichBeatsTheDotEnvFile() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "# settings\nexport MONGO_URL=\"mongodb://from-file/crm\"\nCRM_DATA_DIR=/from/file\n");
        ConfigLoader loader = new ConfigLoader(Map.of("CRM_DATA_DIR", "/from/env"), env, "Linux", "/home/ann");
        AppConfig fromSources = loader.load(null, null);
        assertEquals(Path.of("/from/env"), fromSources.dataDir());
        assertEquals(Optional.of("mongodb://from-file/crm"), fromSources.mongoUrl());
        AppConfig fromOptions = loader.load(Path.of("/opt/d"), "mongodb://opt/crm");
        assertEquals(Path.of("/opt/d"), fromOptions.dataDir());
        assertEquals(Optional.of("mongodb://opt/crm"), fromOptions.mongoUrl());
    }

    @Test
    void theDefaultDataDirectoryFollowsTheOperatingSystem() {
        assertEquals(Path.of("/home/ann/.local/share/crm-platform"),
                new ConfigLoader(Map.of(), null, "Linux", "/home/ann").load(null, null).dataDir());
        assertEquals(Path.of("/x/crm-platform"),
                new ConfigLoader(Map.of("XDG_DATA_HOME", "/x"), null, "Linux", "/home/ann").load(null, null).dataDir());
        assertEquals(Path.of("/Users/ann/Library/Application Support/CRM Platform"),
                new ConfigLoader(Map.of(), null, "Mac OS X", "/Users/ann").load(null, null).dataDir());
        assertTrue(new ConfigLoader(Map.of("APPDATA", "/c/AppData"), null, "Windows 11", "/c/ann").load(null, null)
                .dataDir().endsWith(Path.of("AppData", "CRM Platform")));
        assertEquals(Optional.empty(), new ConfigLoader(Map.of("MONGO_URL", " "), null, "Linux", "/h").load(null, null).mongoUrl());
    }

    @Test
    void passwordsInConnectionStringsAreMasked() {
        assertEquals("mongodb://ann:****@db.example.com:27017/crm", Secrets.maskUri("mongodb://ann:pa55@db.example.com:27017/crm"));
        assertEquals("mongodb+srv://ann:****@cluster0.x.mongodb.net/crm",
                Secrets.maskUri("mongodb+srv://ann:p%40ss@cluster0.x.mongodb.net/crm"));
        assertEquals("mongodb://localhost:27017/crm", Secrets.maskUri("mongodb://localhost:27017/crm"));
    }
}
