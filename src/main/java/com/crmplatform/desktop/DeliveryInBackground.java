package com.crmplatform.desktop;

import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.app.Services;
import com.crmplatform.delivery.DeliveryWorker;
import com.crmplatform.delivery.Gateways;
import com.crmplatform.delivery.SimulatedVendor;
import com.crmplatform.delivery.VendorLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * While the window is open, a delivery worker runs on the background executor and sends the
 * pending messages of launched campaigns through the simulated vendor. A failure (the database
 * unreachable for a while) is logged and retried; closing the window stops it, and any other
 * worker takes over its leased messages when the lease runs out.
 */
final class DeliveryInBackground {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryInBackground.class);

    private final Services services;
    private final AtomicBoolean stop = new AtomicBoolean();
    private VendorLedger ledger;
    private volatile Gateways vendor;
    private Future<?> running;
    private volatile DeliveryWorker worker;

    DeliveryInBackground(Services services) {
        this.services = services;
    }

    void start() {
        running = services.background().submit(() -> {
            try {
                ledger = VendorLedger.open(services.config().dataDir());
                vendor = services.gateways(new SimulatedVendor(ledger, SimulatedVendor.Settings.defaults(),
                        BackgroundExecutor.createScheduled()));
                services.campaigns().resumeLaunches();
                worker = new DeliveryWorker(services.store().communicationLog(), vendor, Clock.systemUTC(),
                        "window-" + ManagementFactory.getRuntimeMXBean().getName(), DeliveryWorker.Settings.defaults())
                        .withConsent(services.store().consent());
                while (!stop.get()) {
                    try {
                        worker.run(false, stop::get);
                    } catch (RuntimeException e) {
                        LOG.warn("delivery paused after an error; retrying in 5 s", e);
                        TimeUnit.SECONDS.sleep(5);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("delivery could not start", e);
            }
            return null;
        });
    }

    /** The mail settings changed (Settings was saved): email goes through the new ones from now on. */
    void useMail(Function<String, Optional<String>> setting) {
        Gateways g = vendor;
        if (g != null) {
            services.useMail(g, setting);
        }
    }

    /** A campaign was launched here: deliver it now rather than after the idle wait. */
    void wake() {
        DeliveryWorker w = worker;
        if (w != null) {
            w.wake();
        }
    }

    void stop() {
        stop.set(true);
        try {
            if (running != null) {
                running.get(3, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.debug("delivery stopped", e);
        }
        if (vendor != null) {
            vendor.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }
}
