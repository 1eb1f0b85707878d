package com.crmplatform.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The data directory holds every customer (the store, its WAL, the logs, the vendor ledger) and
 * the signed-in user's tokens: only its owner may read it. On POSIX systems the folder is 0700 and
 * what is in it 0600 (0700 for folders); Windows' per-user application-data folder is private
 * already. Older installs that left it readable are repaired at start.
 */
public final class DataDirectory {

    /** Files whose exposure means someone else may have read a secret: repairing them is worth a warning. */
    private static final Set<String> SECRETS = Set.of("session.json", SettingsStore.FILE, ".env");

    private DataDirectory() {
    }

    /**
     * Creates the folder owner-only if it is missing, and makes it and everything in it
     * owner-only.
     *
     * @return warnings for the person running the app (a secret file was readable by others)
     */
    public static List<String> secure(Path dir) throws IOException {
        List<String> warnings = new ArrayList<>();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        boolean fresh = !Files.exists(dir);
        if (fresh) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (!posix) {
            return warnings;
        }
        // Only the app's own files are touched: a data directory pointed at a folder that holds other
        // things (a home folder, say) keeps their modes, and the folder's own mode too.
        if (!fresh && !onlyOurs(dir)) {
            return warnings; // not a folder the app made: nothing in it is changed (the store file protects itself)
        }
        restrict(dir, true);
        Path logs = dir.resolve("logs");
        if (!Files.exists(logs, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(logs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS)) {
            restrict(logs, true);
            Path log = logs.resolve("crm.log");
            if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
                PrivateFiles.create(log); // the logger appends to it, owner-only from the first line
            }
            try (DirectoryStream<Path> inner = Files.newDirectoryStream(logs, "crm*.log")) {
                for (Path q : inner) {
                    if (Files.isRegularFile(q, LinkOption.NOFOLLOW_LINKS)) {
                        restrict(q, false);
                    }
                }
            }
        }
        for (String name : OWN_FILES) {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue; // absent, a link or something else: never changed
            }
            if (restrict(p, false) && SECRETS.contains(name)) {
                warnings.add(p + " could be read by other users of this computer; it is now private to you. "
                        + "If others use this computer, sign out and in again (and change any key it held).");
            }
        }
        return warnings;
    }

    /** The files the app writes in its data directory. */
    private static final List<String> OWN_FILES = List.of("crm.db", "crm.db-wal", "crm.db-shm", "simulated-vendor.db",
            "simulated-vendor.db-wal", "simulated-vendor.db-shm", SettingsStore.FILE, "session.json", ".env",
            "window.properties", ".lock", "crm.lock");

    /** Whether everything in the folder is something the app made (so the folder is a data directory). */
    private static boolean onlyOurs(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!OWN_FILES.contains(name) && !name.equals("logs") && !name.endsWith(".tmp") && !name.endsWith(".part")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return true when group or others had any access before */
    private static boolean restrict(Path p, boolean folder) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        boolean open = now.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
        if (open) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(folder ? "rwx------" : "rw-------"));
        }
        return open;
    }
}
