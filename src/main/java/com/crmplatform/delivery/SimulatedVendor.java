package com.crmplatform.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A messaging vendor for demos, tests and benchmarks. It succeeds with a given rate (decided per
 * idempotency key from the seed, so the same key always has the same fate), honours idempotency
 * keys through its {@link VendorLedger}, and reports each outcome after a random latency, now and
 * then twice: receipts come late, repeated and out of order, as real callbacks do.
 */
public final class SimulatedVendor implements VendorGateway {

    /** How the simulated vendor behaves. */
    public record Settings(double successRate, Duration latency, long seed, double repeatRate) {
        public Settings {
            if (successRate < 0 || successRate > 1) {
                throw new IllegalArgumentException("the vendor success rate must be between 0 and 1, not " + successRate);
            }
            if (latency.isNegative()) {
                throw new IllegalArgumentException("the vendor latency cannot be negative");
            }
        }

        public static Settings defaults() {
            return new Settings(0.9, Duration.ofMillis(50), 42, 0.05);
        }
    }

    /** Why a simulated message failed: it fails a share of them on purpose, to show what failures look like. */
    static final String DECLINED = "Simulated failure (about 1 in 10 fail, on purpose).";

    private final VendorLedger ledger;
    private final Settings settings;
    private final ScheduledExecutorService callbacks;
    private final Random jitter;

    /** @param callbacks the threads receipts are delivered on (the vendor's side of the wire) */
    public SimulatedVendor(VendorLedger ledger, Settings settings, ScheduledExecutorService callbacks) {
        this.ledger = ledger;
        this.settings = settings;
        this.callbacks = callbacks;
        this.jitter = new Random(settings.seed());
    }

    @Override
    public void send(List<OutboundMessage> messages, Consumer<Receipt> receipts) {
        List<VendorLedger.Accepted> accepted = ledger.accept(messages, this::succeeds, System.currentTimeMillis());
        // Each receipt gets its own delay; those due in the same 5 ms go out together, shuffled.
        java.util.TreeMap<Long, List<Receipt>> due = new java.util.TreeMap<>();
        for (VendorLedger.Accepted a : accepted) {
            Receipt receipt = new Receipt(a.key(), a.delivered(), a.delivered() ? "" : DECLINED);
            due.computeIfAbsent(delay(), d -> new java.util.ArrayList<>()).add(receipt);
            if (nextDouble() < settings.repeatRate()) {
                due.computeIfAbsent(delay(), d -> new java.util.ArrayList<>()).add(receipt); // reported twice
            }
        }
        due.forEach((delay, batch) -> {
            java.util.Collections.shuffle(batch, jitter);
            if (!callbacks.isShutdown()) {
                callbacks.schedule(() -> batch.forEach(receipts), delay, TimeUnit.MILLISECONDS);
            }
        });
    }

    private long delay() {
        long base = settings.latency().toMillis();
        long d = base == 0 ? 0 : (long) (base * (0.5 + nextDouble()));
        return d - d % 5;
    }

    private synchronized double nextDouble() {
        return jitter.nextDouble();
    }

    /** The fate of a key: the same for every attempt to send it, and spread at the success rate. */
    boolean succeeds(String key) {
        long h = java.util.UUID.nameUUIDFromBytes((settings.seed() + "/" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getMostSignificantBits();
        return (h >>> 11) * 0x1.0p-53 < settings.successRate();
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
