package com.crmplatform.bench;

import com.crmplatform.auth.LocalUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.customer.CustomerSort;
import com.crmplatform.importexport.CsvExporter;
import com.crmplatform.importexport.CustomerImporter;
import com.crmplatform.importexport.DemoData;
import com.crmplatform.importexport.ImportProgress;
import com.crmplatform.importexport.ImportResult;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Cursor;
import com.crmplatform.store.PageRequest;
import com.crmplatform.store.sqlite.SqliteStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
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

    private final Path scratch;
    private final Consumer<String> log;
    private final ExecutorService pipeline;

    public Benchmarks(Path scratch, Consumer<String> log, ExecutorService pipeline) {
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
            source.customers().insertAll(records);
            new CsvExporter(source.customers(), source.orders()).exportCustomers(csv);
        }
        log.accept("wrote " + n + " customers to " + csv);

        double rawPerSec;
        try (SqliteStore raw = SqliteStore.open(scratch.resolve("raw"))) {
            long t = System.nanoTime();
            raw.customers().insertAll(records);
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
            results.put("import.rowsPerSec", Math.round(importPerSec));
            results.put("import.rawInsertPerSec", Math.round(rawPerSec));
            results.put("import.ratio", round(importPerSec / rawPerSec, 3));
            results.put("firstPage.ms", round(first, 3));
            results.put("middlePage.ms", round(mid, 3));
        }
        results.put("customers", n);
        return results;
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

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
