package com.crmplatform.delivery;

import com.crmplatform.customer.Consent;
import com.crmplatform.customer.ConsentRepository;
import com.crmplatform.customer.Customer;
import com.crmplatform.store.Dates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Delivers pending messages: claims a batch with a lease, hands it to the vendor, and applies the
 * receipts that come back in batches. Several workers (windows, command lines) can share a
 * campaign; one that dies loses nothing, because its leased entries come back to the pool when
 * the lease runs out and are sent again under the same idempotency keys.
 */
public final class DeliveryWorker {

    /**
     * How a worker paces itself. With nothing to do it looks again after {@code idlePoll}, then
     * twice as long each time up to {@code maxIdlePoll}, so an idle worker costs the central
     * database less than one request a second; {@link #wake()} (a launch on this workstation)
     * makes it look at once.
     */
    public record Settings(int batchSize, int receiptBatchSize, Duration lease, Duration idlePoll, Duration maxIdlePoll) {
        public Settings(int batchSize, int receiptBatchSize, Duration lease, Duration idlePoll) {
            this(batchSize, receiptBatchSize, lease, idlePoll, MAX_IDLE_POLL);
        }

        public static Settings defaults() {
            return new Settings(500, 2_000, Duration.ofSeconds(30), Duration.ofMillis(20), MAX_IDLE_POLL);
        }
    }

    /** The longest an idle worker waits before it looks for work again. */
    public static final Duration MAX_IDLE_POLL = Duration.ofSeconds(3);

    /** What a run did. */
    public record Summary(long handedToVendor, long sent, long failed) {
    }

    /** Writes a batch of receipts to the log: {@link CommunicationLogRepository#applyReceipts} unless a benchmark compares another way. */
    @FunctionalInterface
    public interface ReceiptWriter {
        Map<String, CommunicationLogRepository.Outcomes> write(List<Receipt> receipts, Instant now);
    }

    private final CommunicationLogRepository log;
    private final VendorGateway vendor;
    private final Clock clock;
    private final String workerId;
    private final Settings settings;
    private final ReceiptWriter receipts;
    private final Queue<Receipt> inbox = new ConcurrentLinkedQueue<>();
    private ConsentRepository consent;

    /** Addresses whose mail server said they do not exist: later campaigns skip them, saying why. */
    private void recordBounces(List<Receipt> batch) {
        List<Consent> bounces = new ArrayList<>();
        for (Receipt r : batch) {
            String email = emailOf.remove(r.idempotencyKey());
            if (r.addressBad() && email != null) {
                bounces.add(new Consent(email, Consent.State.BOUNCED,
                        clock.instant(), "bounced: " + r.reason()));
            }
        }
        if (consent != null && !bounces.isEmpty()) {
            consent.record(bounces);
        }
    }

    /** Checks each message's address against the opt-outs just before it goes (launch already left them out). */
    public DeliveryWorker withConsent(ConsentRepository consent) {
        this.consent = consent;
        return this;
    }
    private final Set<String> outstanding = ConcurrentHashMap.newKeySet();
    /** The address of each email on its way, by idempotency key: a bounce is recorded by address. */
    private final Map<String, String> emailOf = new ConcurrentHashMap<>();
    private final Semaphore wakeups = new Semaphore(0);
    private long handed;
    private long sent;
    private long failed;

    public DeliveryWorker(CommunicationLogRepository log, VendorGateway vendor, Clock clock, String workerId, Settings settings) {
        this(log, vendor, clock, workerId, settings, log::applyReceipts);
    }

    public DeliveryWorker(CommunicationLogRepository log, VendorGateway vendor, Clock clock, String workerId, Settings settings,
                          ReceiptWriter receipts) {
        this.receipts = receipts;
        this.log = log;
        this.vendor = vendor;
        this.clock = clock;
        this.workerId = workerId;
        this.settings = settings;
    }

    /** Claims one batch and hands it to the vendor; returns how many messages. */
    public int sendOnce() {
        int room = Math.min(settings.batchSize(), vendor.room(settings.lease()));
        if (room <= 0) {
            return 0;
        }
        List<LogEntry> batch = log.claim(workerId, clock.instant(), settings.lease(), room);
        if (batch.isEmpty()) {
            return 0;
        }
        List<VendorGateway.OutboundMessage> messages = new ArrayList<>(batch.size());
        // Whoever opted out since the launch gets nothing: failed at once, with when they opted out.
        Map<String, Consent> said = consent == null ? Map.of()
                : consent.find(batch.stream().map(LogEntry::customerEmail).toList());
        for (LogEntry e : batch) {
            outstanding.add(e.idempotencyKey());
            if (e.channel() == Channel.EMAIL) {
                emailOf.put(e.idempotencyKey(), e.customerEmail());
            }
            Consent c = said.get(Customer.emailKey(e.customerEmail()));
            if (c != null && (c.unsubscribed() || c.bounced() && e.channel() == Channel.EMAIL)) {
                receive(new Receipt(e.idempotencyKey(), false, "Not sent: " + e.customerEmail() + (c.bounced()
                        ? " bounced on " : " unsubscribed on ")
                        + Dates.show(LocalDate.ofInstant(c.at(), ZoneId.systemDefault()))
                        + " (" + c.how() + ")."));
                continue;
            }
            messages.add(new VendorGateway.OutboundMessage(e.idempotencyKey(), e.campaignId(), e.customerId(),
                    e.customerName(), e.customerEmail(), e.channel(), e.subject(), e.message()));
        }
        if (!messages.isEmpty()) {
            vendor.send(messages, this::receive);
        }
        handed += messages.size();
        return messages.size();
    }

    /** Called on the vendor's threads. */
    private void receive(Receipt r) {
        inbox.add(r);
    }

    private long lastRenewal = System.nanoTime();

    /** While answers are outstanding, the leases are extended every third of a lease. */
    private void renewLeasesWhileWaiting() {
        long now = System.nanoTime();
        if (!outstanding.isEmpty() && now - lastRenewal >= settings.lease().toNanos() / 3) {
            log.renewLeases(workerId, clock.instant(), settings.lease());
            lastRenewal = now;
        } else if (outstanding.isEmpty()) {
            lastRenewal = now;
        }
    }

    /** Applies the receipts that arrived, up to one batch, in one write; returns how many it took. */
    public int applyReceipts() {
        List<Receipt> batch = new ArrayList<>();
        Receipt r;
        while (batch.size() < settings.receiptBatchSize() && (r = inbox.poll()) != null) {
            batch.add(r);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, CommunicationLogRepository.Outcomes> outcomes = receipts.write(batch, clock.instant());
        recordBounces(batch);
        outcomes.values().forEach(o -> {
            sent += o.sent();
            failed += o.failed();
        });
        batch.forEach(x -> outstanding.remove(x.idempotencyKey()));
        return batch.size();
    }

    /**
     * Works until {@code stop} says so, or (with {@code untilIdle}) until nothing is pending and
     * every receipt it waited for has been applied.
     */
    public Summary run(boolean untilIdle, BooleanSupplier stop) {
        long idle = settings.idlePoll().toMillis();
        while (!stop.getAsBoolean()) {
            renewLeasesWhileWaiting();
            int handedNow = sendOnce();
            int applied = applyReceipts();
            if (handedNow > 0 || applied > 0) {
                idle = settings.idlePoll().toMillis(); // busy: look again soon
                continue;
            }
            if (untilIdle && inbox.isEmpty() && outstanding.isEmpty() && log.countPending() == 0) {
                break;
            }
            try {
                if (wakeups.tryAcquire(idle, TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                    idle = settings.idlePoll().toMillis();
                } else if (outstanding.isEmpty()) { // waiting for receipts is not idleness: no back-off then
                    idle = Math.min(idle * 2, Math.max(settings.idlePoll().toMillis(), settings.maxIdlePoll().toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return summary();
    }

    /** Look for work now (a campaign was just launched here), instead of at the end of an idle wait. */
    public void wake() {
        wakeups.release();
    }

    public Summary summary() {
        return new Summary(handed, sent, failed);
    }
}
