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
        if (!Files.exists(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (!posix) {
            return warnings;
        }
        restrict(dir, true);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isSymbolicLink(p)) {
                    continue; // never change what a link points at
                }
                boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                boolean wasOpen = restrict(p, folder);
                if (folder) {
                    try (DirectoryStream<Path> inner = Files.newDirectoryStream(p)) {
                        for (Path q : inner) {
                            if (!Files.isSymbolicLink(q)) {
                                restrict(q, Files.isDirectory(q, LinkOption.NOFOLLOW_LINKS));
                            }
                        }
                    }
                }
                if (wasOpen && SECRETS.contains(p.getFileName().toString())) {
                    warnings.add(p + " could be read by other users of this computer; it is now private to you. "
                            + "If others use this computer, sign out and in again (and change any key it held).");
                }
            }
        }
        return warnings;
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
