package com.crmplatform.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds an {@link AppConfig} from options, the environment and an optional {@code .env} file. */
public final class ConfigLoader {

    public static final String MONGO_URL = "MONGO_URL";
    public static final String CRM_DATA_DIR = "CRM_DATA_DIR";
    public static final String GROQ_API_KEY = "GROQ_API_KEY";
    public static final String GROQ_BASE_URL = "GROQ_BASE_URL";
    public static final String GROQ_MODEL = "GROQ_MODEL";

    private final Map<String, String> environment;
    private final Map<String, String> dotEnv;
    private final String osName;
    private final String userHome;

    public ConfigLoader(Map<String, String> environment, Path dotEnvFile, String osName, String userHome) {
        this.environment = Map.copyOf(environment);
        this.dotEnv = readDotEnv(dotEnvFile);
        this.osName = osName;
        this.userHome = userHome;
    }

    /**
     * The loader for this process: the real environment, this OS, and a {@code .env} file from
     * where the user pointed ({@code --env-file}) or else from the data directory. Never from the
     * working directory: a {@code .env} planted in whatever folder the app was started from could
     * otherwise send keys and the database to a server of its author's choosing.
     *
     * @param dataDirOption {@code --data-dir}, or null
     * @param envFileOption {@code --env-file}, or null
     */
    public static ConfigLoader forThisProcess(Path dataDirOption, Path envFileOption) {
        Map<String, String> env = System.getenv();
        String os = System.getProperty("os.name", "");
        String home = System.getProperty("user.home", ".");
        if (envFileOption != null) {
            return new ConfigLoader(env, envFileOption, os, home);
        }
        ConfigLoader plain = new ConfigLoader(env, null, os, home);
        Path dataDir = dataDirOption != null ? dataDirOption
                : plain.lookup(CRM_DATA_DIR).map(Path::of).orElseGet(plain::defaultDataDir);
        return new ConfigLoader(env, dataDir.resolve(".env"), os, home);
    }

    /**
     * @param dataDirOption {@code --data-dir}, or null
     * @param dbOption      {@code --db}, or null
     */
    public AppConfig load(Path dataDirOption, String dbOption) {
        Path dataDir = dataDirOption != null ? dataDirOption
                : lookup(CRM_DATA_DIR).map(Path::of).orElseGet(this::defaultDataDir);
        SettingsStore saved = new SettingsStore(dataDir);
        Optional<String> mongo = dbOption != null ? Optional.of(dbOption) : lookup(MONGO_URL).or(() -> saved.get(MONGO_URL));
        Map<String, String> mail = new HashMap<>();
        for (String name : AppConfig.MAIL_SETTINGS) {
            lookup(name).or(() -> saved.get(name)).ifPresent(v -> mail.put(name, v));
        }
        return new AppConfig(dataDir, mongo, lookup(GROQ_API_KEY).or(() -> saved.get(GROQ_API_KEY)),
                lookup(GROQ_BASE_URL).or(() -> saved.get(GROQ_BASE_URL)), lookup(GROQ_MODEL).or(() -> saved.get(GROQ_MODEL)),
                mail);
    }

    /** The environment the app was started with (for $BROWSER). */
    public Map<String, String> environment() {
        return environment;
    }

    /** A setting from the environment or {@code .env}, else from the saved settings in {@code dataDir}. */
    public Optional<String> setting(String name, Path dataDir) {
        return lookup(name).or(() -> new SettingsStore(dataDir).get(name));
    }

    /** A setting from the environment or {@code .env} (which take precedence over saved settings). */
    public Optional<String> environmentOnly(String name) {
        return lookup(name);
    }

    public Optional<String> lookup(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = dotEnv.get(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** The per-OS user data directory. */
    Path defaultDataDir() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            return Path.of(appData != null ? appData : userHome, "CRM Platform");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "CRM Platform");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "crm-platform")
                : Path.of(userHome, ".local", "share", "crm-platform");
    }

    private static Map<String, String> readDotEnv(Path file) {
        Map<String, String> values = new HashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                if (line.startsWith("export ")) {
                    line = line.substring(7).strip();
                }
                int eq = line.indexOf('=');
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).strip(), value);
            }
        } catch (IOException e) {
            // An unreadable .env is the same as none; the environment still applies.
        }
        return values;
    }
}
