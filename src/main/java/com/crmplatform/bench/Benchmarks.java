package com.crmplatform.bench;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.customer.CustomerSort;
import com.crmplatform.customer.SqliteCustomerRepository;
import com.crmplatform.delivery.DeliveryWorker;
import com.crmplatform.delivery.SimulatedVendor;
import com.crmplatform.delivery.SqliteCommunicationLogRepository;
import com.crmplatform.delivery.VendorLedger;
import com.crmplatform.importexport.CsvExporter;
import com.crmplatform.importexport.CustomerImporter;
import com.crmplatform.importexport.DemoData;
import com.crmplatform.importexport.ImportProgress;
import com.crmplatform.importexport.ImportResult;
import com.crmplatform.segment.RuleJson;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Cursor;
import com.crmplatform.store.PageRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The numbers users care about, each next to a baseline measured in the same run on fresh local
 * stores in a scratch directory.
 */
public final class Benchmarks {

    private static final int PAGE = 50;
    private static final int REPEATS = 7;
    private static final int DELIVERY_AUDIENCE = 20_000;
    /** Team-mode sync is measured at this size (the stand-in keeps everything in memory). */
    private static final int SYNC_CUSTOMERS = 100_000;

    private final Path scratch;
    private final Consumer<String> log;
    private final ExecutorService pipeline;

    private final java.util.function.Supplier<java.util.concurrent.ScheduledExecutorService> callbacks;

    public Benchmarks(Path scratch, Consumer<String> log, ExecutorService pipeline,
                      java.util.function.Supplier<java.util.concurrent.ScheduledExecutorService> callbacks) {
        this.callbacks = callbacks;
        this.pipeline = pipeline;
        this.scratch = scratch;
        this.log = log;
    }

    public Map<String, Object> run(int n) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        Clock clock = Clock.systemDefaultZone();
        LocalUser user = new LocalUser("bench");
        List<Customer> records = records(n, clock);

        // The CSV the import reads: the same records, written by the app's own exporter.
        Path csv = scratch.resolve("customers.csv");
        try (SqliteStore source = SqliteStore.open(scratch.resolve("source"))) {
            source.customers().insertAbsent(records);
            new CsvExporter(source.customers(), source.orders(), null).exportCustomers(csv);
        }
        log.accept("wrote " + n + " customers to " + csv);

        double rawPerSec;
        try (SqliteStore raw = SqliteStore.open(scratch.resolve("raw"))) {
            long t = System.nanoTime();
            ((SqliteCustomerRepository) raw.customers()).insertAll(records); // plain inserts: the baseline
            rawPerSec = n / seconds(t);
        }
        log.accept(String.format("raw bulk insert: %.0f rows/s", rawPerSec));

        double importPerSec;
        try (SqliteStore store = SqliteStore.open(scratch.resolve("import"))) {
            long t = System.nanoTime();
            ImportResult r = new CustomerImporter(store.customers(), user, clock, pipeline).importFile(csv, ImportProgress.NONE);
            importPerSec = n / seconds(t);
            if (r.created() != n || !r.rejected().isEmpty()) {
                throw new IllegalStateException("import created " + r.created() + " of " + n + ", rejected " + r.rejected().size());
            }
            log.accept(String.format("CSV import: %.0f rows/s", importPerSec));

            CustomerQuery byName = CustomerQuery.all();
            records.sort(Comparator.comparing((Customer c) -> (String) CustomerSort.NAME.keyOf(c)));
            double first = medianMs(() -> store.customers().page(byName, PageRequest.first(PAGE)));
            // Store ids differ from the in-memory ones, so the middle cursor is read from the store.
            Customer middleRecord = records.get(n / 2);
            Customer middle = store.customers().findByEmail(middleRecord.email()).orElseThrow();
            Cursor cursor = new Cursor(CustomerSort.NAME.keyOf(middle), middle.id());
            double mid = medianMs(() -> store.customers().page(byName, PageRequest.after(cursor, PAGE)));
            segment(store, results);
            results.put("import.rowsPerSec", Math.round(importPerSec));
            results.put("import.rawInsertPerSec", Math.round(rawPerSec));
            results.put("import.ratio", round(importPerSec / rawPerSec, 3));
            results.put("firstPage.ms", round(first, 3));
            results.put("middlePage.ms", round(mid, 3));
        }
        delivery(records.subList(0, Math.min(n, DELIVERY_AUDIENCE)), results);
        new SyncBenchmarks(scratch, log, pipeline).run(records.subList(0, Math.min(n, SYNC_CUSTOMERS)), results);
        offlineRules(results);
        results.put("customers", n);
        return results;
    }

    /** Descriptions in several voices, for the offline parser's time per question. */
    private static final List<String> DESCRIPTIONS = List.of(
            "spent above 7,500 and no order for 75 days", "custmers w/ 4+ txns spnt morethan 12k",
            "kindly share customers whose billing crossed Rs 1.2 lakh/- and not come since last 2 months",
            "win-back cohort: lapsed 90+ days, LTV >= ₹25k", "totalSpend >= 9000 AND (visits <= 2 OR inactiveDays > 120)",
            "single-purchase shoppers who bought within the past 12 days", "between 30 and 45 days without an order",
            "spent below 900 or above 60,000", "last purchase before 20/11/2024 with fewer than three visits",
            "premium buyers (spent over ₹80,000) who have gone quiet for six weeks or more",
            "orders from 4 to 9, spend ₹3,000–₹8,000", "customers in Chennai who spent over 5k");

    /** The offline parser's time per description (warmed up), against the "a few ms" it must stay under. */
    private void offlineRules(Map<String, Object> results) {
        com.crmplatform.ai.english.OfflineRuleParser parser = new com.crmplatform.ai.english.OfflineRuleParser();
        int rounds = 200;
        for (int warm = 0; warm < 2; warm++) {
            long t = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (String d : DESCRIPTIONS) {
                    try {
                        parser.read(d);
                    } catch (com.crmplatform.ai.english.RuleNotUnderstood e) {
                        // refusing is an answer too: only the time counts here
                    }
                }
            }
            double ms = (System.nanoTime() - t) / 1e6 / (rounds * DESCRIPTIONS.size());
            if (warm == 1) {
                log.accept(String.format("offline rules: %.3f ms per description", ms));
                results.put("rules.offlineMsPerQuestion", round(ms, 3));
            }
        }
    }

    /** Audience count through the app (compile + query) vs the same condition written by hand. */
    private void segment(SqliteStore store, Map<String, Object> results) throws Exception {
        LocalDate today = LocalDate.now();
        SegmentRule.Group rule = RuleJson.parse("{\"op\":\"AND\",\"rules\":[{\"field\":\"totalSpend\",\"operator\":\">\","
                + "\"value\":10000},{\"op\":\"OR\",\"rules\":[{\"field\":\"visits\",\"operator\":\"<\",\"value\":3},"
                + "{\"field\":\"inactiveDays\",\"operator\":\">\",\"value\":90}]}]}");
        long[] counts = new long[2];
        double app = medianMs(() -> counts[0] = store.audience().countMatching(rule, today));
        // The hand-written query runs on the app's own connection (same cache and settings): like with like.
        String hand = "SELECT count(*) FROM customers WHERE total_spend_paise > 1000000 "
                + "AND (visits < 3 OR last_purchase = '' OR last_purchase < ?)";
        {
            double handMs = medianMs(() -> counts[1] = store.database().read(c -> {
                try (PreparedStatement ps = c.prepareStatement(hand)) {
                    ps.setString(1, today.minusDays(90).toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            }));
            if (counts[0] != counts[1]) {
                throw new IllegalStateException("the app counted " + counts[0] + ", the hand-written query " + counts[1]);
            }
            log.accept(String.format("segment count: %.1f ms (hand-written %.1f ms), %d customers", app, handMs, counts[0]));
            results.put("segment.ms", round(app, 2));
            results.put("segment.rawMs", round(handMs, 2));
            results.put("segment.ratio", round(app / handMs, 3));
        }
    }

    /** A campaign delivered with batched receipts vs the same campaign applying one update per receipt. */
    private void delivery(List<Customer> audience, Map<String, Object> results) {
        // A first, smaller round of each warms the JIT for both, so neither side is measured cold.
        deliver(audience.subList(0, Math.min(audience.size(), 4_000)), "delivery-warmup-batched", false);
        deliver(audience.subList(0, Math.min(audience.size(), 4_000)), "delivery-warmup-per-receipt", true);
        double batched = deliver(audience, "delivery-batched", false);
        double perReceipt = deliver(audience, "delivery-per-receipt", true);
        log.accept(String.format("delivery: %.0f msg/s batched, %.0f msg/s one update per receipt", batched, perReceipt));
        results.put("delivery.messages", audience.size());
        results.put("delivery.msgPerSec", Math.round(batched));
        results.put("delivery.perReceiptMsgPerSec", Math.round(perReceipt));
        results.put("delivery.ratio", round(batched / perReceipt, 2));
    }

    private double deliver(List<Customer> audience, String name, boolean oneByOne) {
        Path dir = scratch.resolve(name);
        try (SqliteStore store = SqliteStore.open(dir);
             VendorLedger ledger = VendorLedger.open(dir);
             SimulatedVendor vendor = new SimulatedVendor(ledger, new SimulatedVendor.Settings(0.9, Duration.ZERO, 1, 0.05),
                     callbacks.get())) {
            store.customers().insertAbsent(audience);
            CampaignService service = new CampaignService(store.campaigns(), store.communicationLog(),
                    new LocalUser("bench"), Clock.systemUTC());
            Campaign c = service.launch("Bench", RuleJson.parse("{\"op\":\"AND\",\"rules\":[{\"field\":\"visits\","
                    + "\"operator\":\">=\",\"value\":0}]}"), "Hi {name}");
            SqliteCommunicationLogRepository log = (SqliteCommunicationLogRepository) store.communicationLog();
            DeliveryWorker worker = new DeliveryWorker(log, vendor, Clock.systemUTC(), name,
                    new DeliveryWorker.Settings(5_000, 10_000, Duration.ofMinutes(5), Duration.ofMillis(1)),
                    oneByOne ? log::applyReceiptsOneByOne : log::applyReceipts);
            long t = System.nanoTime();
            worker.run(true, () -> false);
            double perSec = c.audienceSize() / seconds(t);
            Campaign done = store.campaigns().findById(c.id()).orElseThrow();
            if (done.pending() != 0) {
                throw new IllegalStateException("delivery left " + done.pending() + " pending");
            }
            return perSec;
        }
    }

    /** Demo customers with totals, as a CSV from another system would have them. */
    static List<Customer> records(int n, Clock clock) {
        Audit audit = Audit.created(clock.instant(), "local:bench");
        Random r = new Random(7);
        List<Customer> base = DemoData.customers(n, 7, audit);
        List<Customer> withTotals = new ArrayList<>(n);
        LocalDate today = LocalDate.now(clock);
        for (Customer c : base) {
            int visits = r.nextInt(40);
            withTotals.add(new Customer(c.id(), c.name(), c.email(), c.phone(), c.city(),
                    BigDecimal.valueOf(visits == 0 ? 0 : 50_000L + r.nextInt(20_000_000), 2), visits,
                    visits == 0 ? null : today.minusDays(r.nextInt(1000)), audit));
        }
        return withTotals;
    }

    private static double medianMs(Runnable work) {
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[REPEATS / 2];
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
