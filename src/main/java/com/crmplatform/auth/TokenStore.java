package com.crmplatform.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/** The signed-in session (verified identity and tokens) in the data directory, readable by the user alone. */
public final class TokenStore {

    /** What a sign-in leaves behind. */
    public record StoredSession(String email, String name, String subject, String accessToken, String refreshToken,
                                Instant accessExpiresAt, Instant verifiedAt) {
        @Override
        public String toString() {
            return "StoredSession[" + email + ", tokens ****]";
        }
    }

    public static final String FILE = "session.json";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Path file;

    public TokenStore(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public void save(StoredSession s) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            com.crmplatform.config.PrivateFiles.create(tmp);
            Files.writeString(tmp, JSON.writeValueAsString(new Stored(s.email(), s.name(), s.subject(), s.accessToken(),
                    s.refreshToken(), s.accessExpiresAt().toEpochMilli(), s.verifiedAt().toEpochMilli())));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SignInRefused("Cannot save the sign-in in " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    public Optional<StoredSession> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Stored s = JSON.readValue(Files.readString(file), Stored.class);
            return Optional.of(new StoredSession(s.email, s.name, s.subject, s.accessToken, s.refreshToken,
                    Instant.ofEpochMilli(s.accessExpiresAt), Instant.ofEpochMilli(s.verifiedAt)));
        } catch (IOException e) {
            delete(); // a damaged session is no session: sign in again
            return Optional.empty();
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    /** The file's JSON shape. */
    private record Stored(String email, String name, String subject, String accessToken, String refreshToken,
                          long accessExpiresAt, long verifiedAt) {
    }
}
