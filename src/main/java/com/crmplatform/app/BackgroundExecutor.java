package com.crmplatform.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one pool of background threads: database work, files, import pipelines. */
public final class BackgroundExecutor {

    private BackgroundExecutor() {
    }

    /** One daemon thread for timed callbacks (the simulated vendor's receipts). */
    public static ScheduledExecutorService createScheduled() {
        ThreadFactory base = Executors.defaultThreadFactory();
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = base.newThread(r);
            t.setName("crm-vendor-callbacks");
            t.setDaemon(true);
            return t;
        });
    }

    /** Daemon threads named crm-worker-N, so a closing window is never held open by them. */
    public static ExecutorService create() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory base = Executors.defaultThreadFactory();
        return Executors.newCachedThreadPool(r -> {
            Thread t = base.newThread(r);
            t.setName("crm-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
