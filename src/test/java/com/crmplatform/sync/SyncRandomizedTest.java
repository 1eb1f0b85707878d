package com.crmplatform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerDraft;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderDraft;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.StoreException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three workstations doing what sales staff do, in a random order from a fixed seed: new
 * customers (on a small pool of emails, so they meet), edits of a city or an email, deletions,
 * orders and cancellations, the network cut and back, syncs, and a person's random choice of mine
 * or theirs for whatever conflicts are open. Afterwards, with the network back and the conflicts
 * settled: every replica equals the server, every customer's totals are the sum of its active
 * orders, no order is left without its customer, nothing is open, and a last sync moves nothing.
 * {@code -Dsync.random.steps=400} runs longer, {@code -Dsync.random.seeds=1,2,3} other seeds, and
 * {@code -Dsync.random.cutsInsideSyncs=true} cuts the network inside syncs too.
 */
class SyncRandomizedTest extends TeamFixture {

    private static final int STEPS = Integer.getInteger("sync.random.steps", 200);
    /** With {@code -Dsync.random.cutsInsideSyncs=true}, a third of the syncs have the network cut 0–40 ms into them (timing-dependent, so not by default). */
    private static final boolean CUTS_INSIDE_SYNCS = Boolean.getBoolean("sync.random.cutsInsideSyncs");

    /** The seeds run ({@code -Dsync.random.seeds=1,2,3} for others). */
    static java.util.stream.LongStream seeds() {
        return java.util.Arrays.stream(System.getProperty("sync.random.seeds", "20261130,7").split(",")).mapToLong(Long::parseLong);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void threeWorkstationsAtRandomEndEqualWithExactTotals(long seed) throws Exception {
        Random random = new Random(seed);
        List<Workstation> all = List.of(workstation("a"), workstation("b"), workstation("c"));
        boolean cut = false;
        for (int step = 0; step < STEPS; step++) {
            Workstation w = all.get(random.nextInt(all.size()));
            int op = random.nextInt(20);
            try {
                if (op == 14) {
                    if (cut) {
                        team.restore();
                    } else {
                        team.cut();
                    }
                    cut = !cut;
                } else if (op >= 15 && op < 19) {
                    if (cut) {
                        continue; // offline, the window's heartbeat finds the server gone and does not sync
                    }
                    if (CUTS_INSIDE_SYNCS && random.nextInt(3) == 0) {
                        cut = true;
                        syncCutAfter(w, random.nextInt(40));
                    } else {
                        syncNow(w);
                    }
                } else if (op == 19) {
                    settle(w, random, false);
                } else {
                    work(w, op, step, random);
                }
            } catch (StoreException | IllegalArgumentException e) {
                // What a user meets and retries: offline, an email taken here, a record changed a moment ago.
            }
        }
        team.restore();
        if (CUTS_INSIDE_SYNCS) {
            syncAll();
            Thread.sleep(11_000); // a log number whose taking a cut interrupted is passed over after 10 s
        }
        // Everyone syncs; a person settles what is open; again, until nothing is (a choice can let
        // a change go that was waiting for it, which may meet another).
        for (int round = 0; round < 12; round++) {
            syncAll();
            if (openConflicts() == 0) {
                break;
            }
            all.forEach(w -> settle(w, random, true));
        }
        List<String> left = new ArrayList<>();
        all.forEach(w -> w.sync().conflicts().forEach(x -> left.add(w.data().getFileName() + ": " + x)));
        assertEquals(List.of(), left, "seed " + seed);
        assertAllEqualCentral();
        assertTotalsFollowActiveOrders();
        assertQuiet();
    }

    /** A sync of this workstation with the network cut {@code afterMs} into it (it may finish first, or fail). */
    private void syncCutAfter(Workstation w, int afterMs) throws InterruptedException {
        Thread cutter = new Thread(() -> {
            try {
                Thread.sleep(afterMs);
                team.cut();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cutter.start();
        try {
            syncNow(w);
        } finally {
            cutter.join();
        }
    }

    /** One piece of data entry on this workstation: op 0–2 a new customer, 3–5 a city, 6 an email, 7–8 a deletion, 9–12 an order, 13 a cancellation. */
    private static void work(Workstation w, int op, int step, Random random) {
        List<Customer> known = w.services().customers().page(CustomerQuery.all(), PageRequest.first(500)).items();
        if (op < 3 || known.isEmpty()) {
            w.services().customers().create(CustomerDraft.of("Customer " + step, "e" + random.nextInt(40) + "@example.com"));
            return;
        }
        Customer c = known.get(random.nextInt(known.size()));
        CustomerDraft d = c.toDraft();
        if (op < 6) {
            w.services().customers().update(c, new CustomerDraft(d.name(), d.email(), d.phone(), "City " + random.nextInt(4),
                    d.totalSpend(), d.visits(), d.lastPurchaseDate()));
        } else if (op < 7) {
            w.services().customers().update(c, new CustomerDraft(d.name(), "e" + random.nextInt(40) + "@example.com",
                    d.phone(), d.city(), d.totalSpend(), d.visits(), d.lastPurchaseDate()));
        } else if (op < 9) {
            w.services().customerRemovals().delete(c);
        } else if (op < 13) {
            w.services().orders().create(new OrderDraft(c.id(), new BigDecimal(1 + random.nextInt(50)),
                    LocalDate.of(2026, 1 + random.nextInt(11), 1), List.of()));
        } else {
            List<Order> active = w.services().orders().page(OrderQuery.all(), PageRequest.first(200)).items().stream()
                    .filter(Order::isActive).toList();
            if (!active.isEmpty()) {
                w.services().orders().cancel(active.get(random.nextInt(active.size())));
            }
        }
    }

    /**
     * A person's choice, mine or theirs at random, for each conflict open here (one may settle others
     * with it). In the end, an email another customer holds centrally is given up (theirs), as
     * keeping it would only meet the same clash again; where this computer has the old email on
     * another customer by then, this one gets an address of its own first, as the refusal asks.
     */
    private static void settle(Workstation w, Random random, boolean toTheEnd) {
        for (Conflict x : w.sync().conflicts()) {
            if (w.sync().conflicts().stream().noneMatch(y -> y.id() == x.id())) {
                continue;
            }
            boolean clash = CentralMerge.CLASH.equals(x.theirs());
            try {
                w.sync().resolve(x.id(), toTheEnd && clash ? false : random.nextBoolean());
            } catch (StoreException refused) {
                if (toTheEnd) {
                    Customer c = w.services().customers().find(x.recordId()).orElseThrow();
                    CustomerDraft d = c.toDraft();
                    w.services().customers().update(c, new CustomerDraft(d.name(), "own-" + c.id() + "@example.com",
                            d.phone(), d.city(), d.totalSpend(), d.visits(), d.lastPurchaseDate()));
                    w.sync().resolve(x.id(), true);
                }
            }
        }
    }

    private int openConflicts() {
        return workstations.stream().mapToInt(w -> w.sync().conflicts().size()).sum();
    }
}
