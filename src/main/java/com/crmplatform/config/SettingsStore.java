package com.crmplatform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings saved from the window ({@code settings.properties} in the data directory), readable by
 * the user alone because it may hold the Groq key or a MongoDB password. Environment variables and
 * {@code .env} take precedence over it.
 */
public final class SettingsStore {

    public static final String FILE = "settings.properties";

    private final Path file;

    public SettingsStore(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Map<String, String> read() {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return values; // unreadable settings are no settings; the window says what is in use
        }
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        return values;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(read().get(name)).filter(v -> !v.isBlank());
    }

    /** Writes the settings (blank values removed) to a new owner-only file that replaces the old one. */
    public void write(Map<String, String> values) throws IOException {
        Files.createDirectories(file.getParent());
        Properties p = new Properties();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                p.setProperty(k, v.strip());
            }
        });
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        PrivateFiles.create(tmp);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "CRM Platform settings (owner-only: may contain secrets)");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
