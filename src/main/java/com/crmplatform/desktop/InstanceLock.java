package com.crmplatform.desktop;

import com.crmplatform.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One window per data directory: a lock on {@code crm.lock} held while the window is open. The
 * operating system drops it when the process ends, however it ends.
 */
public final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static InstanceLock acquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("crm.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StoreException("CRM Platform is already open on this data directory (" + dataDir + "). "
                        + "Switch to that window, or start this one with another data directory (--data-dir).");
            }
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            throw new StoreException("Cannot use the data directory " + dataDir + ": " + e.getMessage()
                    + ". Check that it is writable, or choose another with --data-dir.", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // released by the OS at exit anyway
        }
    }
}
