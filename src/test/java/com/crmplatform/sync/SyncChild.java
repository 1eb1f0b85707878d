package com.crmplatform.sync;

import com.crmplatform.app.ReplicaStore;
import java.nio.file.Path;
import java.time.Clock;

/** A workstation process for the crash tests: opens the replica in a data directory and syncs, printing "synced" at the end. */
public final class SyncChild {

    private SyncChild() {
    }

    public static void main(String[] args) {
        try (ReplicaStore store = ReplicaStore.open(args[1], Path.of(args[0]), Clock.systemUTC(), (d, t) -> { })) {
            System.out.println("opened " + store.sync().status().pending());
            System.out.flush();
            store.sync().syncNow((d, t) -> { }, () -> false);
            System.out.println("synced");
        }
    }
}
