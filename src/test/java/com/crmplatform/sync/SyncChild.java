package com.crmplatform.sync;

import com.crmplatform.app.ReplicaStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A workstation process for the crash tests: opens the replica in a data directory (a first sync
 * when it is empty) and syncs, printing "opened" when the replica is open and "synced" at the end.
 */
public final class SyncChild {

    private SyncChild() {
    }

    /** @param args data directory, MongoDB URL; says "copying" at the first sync's first progress report */
    public static void main(String[] args) {
        boolean[] said = {false};
        try (ReplicaStore store = ReplicaStore.open(args[1], Path.of(args[0]), Clock.systemUTC(), (d, t) -> {
            if (!said[0]) {
                said[0] = true;
                System.out.println("copying");
                System.out.flush();
            }
        })) {
            System.out.println("opened " + store.sync().status().pending());
            System.out.flush();
            store.sync().syncNow((d, t) -> { }, () -> false);
            System.out.println("synced");
        }
    }
}
