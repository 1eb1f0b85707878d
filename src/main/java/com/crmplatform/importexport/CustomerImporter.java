package com.crmplatform.importexport;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.customer.Consent;
import com.crmplatform.customer.ConsentRepository;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerDraft;
import com.crmplatform.customer.CustomerField;
import com.crmplatform.customer.CustomerRepository.VersionedUpdate;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.customer.CustomerValidator;
import com.crmplatform.importexport.ImportResult.Rejection;
import com.crmplatform.importexport.ImportResult.Repeat;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Dates;
import com.crmplatform.store.Ids;
import com.crmplatform.store.Limits;
import com.crmplatform.store.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Imports customers from CSV, creating or updating them by email. Bad rows are reported with
 * their line and reason and the good rows are imported anyway. Rows are written in batches, each
 * committed on its own, so a crash or a cancel keeps every batch already written.
 */
public final class CustomerImporter {

    public static final List<String> COLUMNS = List.of("name", "email", "phone", "city", "totalSpend", "visits",
            "lastPurchaseDate", "consent");
    static final int BATCH = 20_000;

    private final CustomerRepository repository;
    private final CustomerValidator validator;
    private final CurrentUser user;
    private final Clock clock;
    private final ExecutorService pipeline;
    private ConsentRepository consent;

    /** Where the optional {@code consent} column's values are recorded (subscribed / unsubscribed, by email). */
    public CustomerImporter withConsent(ConsentRepository consent) {
        this.consent = consent;
        return this;
    }

    /**
     * @param pipeline runs the writing stage while the calling thread parses the file
     */
    public CustomerImporter(CustomerRepository repository, CurrentUser user, Clock clock, ExecutorService pipeline) {
        this.repository = repository;
        this.pipeline = pipeline;
        this.validator = new CustomerValidator(clock);
        this.user = user;
        this.clock = clock;
    }

    /** What importing the file would do, without writing anything. */
    public ImportResult preview(Path file, ImportProgress progress) {
        return run(file, ColumnChoice.NONE, progress, false);
    }

    /** What importing the file would do, its columns read as chosen, without writing anything. */
    public ImportResult preview(Path file, ColumnChoice choice, ImportProgress progress) {
        return run(file, choice, progress, false);
    }

    public ImportResult importFile(Path file, ImportProgress progress) {
        return run(file, ColumnChoice.NONE, progress, true);
    }

    /** Imports the file, its columns read as chosen. */
    public ImportResult importFile(Path file, ColumnChoice choice, ImportProgress progress) {
        return run(file, choice, progress, true);
    }

    private ImportResult run(Path file, ColumnChoice choice, ImportProgress progress, boolean write) {
        Writer writer = new Writer(write, CsvSource.sizeOf(file), progress, "import of " + file.getFileName());
        // Parsing (this thread) and writing (the pipeline thread) overlap; two batches may wait.
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
        Future<?> writing = pipeline.submit(() -> {
            writer.drain(queue);
            return null;
        });
        List<Rejection> badRows = new ArrayList<>();
        List<Repeat> repeated = new ArrayList<>();
        Map<Long, Long> firstLineOfEmail = new HashMap<>();
        Batch[] batch = {new Batch()};
        boolean stopped = false;
        CsvSource.UnreadableLine unreadable = null;
        try {
            try {
                CsvSource.read(file, new CsvSource.Columns(List.of("name", "email"), COLUMNS, ALIASES), choice, row -> {
                    try {
                        Parsed p = parse(row);
                        String key = p.draft.email().toLowerCase(Locale.ROOT);
                        Long first = firstLineOfEmail.putIfAbsent(fingerprint(key), row.line());
                        if (first != null) {
                            repeated.add(new Repeat(row.line(), first, p.draft.email()));
                        }
                        // A repeat within the batch updates the earlier row as an update would: empty keeps.
                        batch[0].rows.merge(key, p, CustomerImporter::laterRowOver);
                        batch[0].size++;
                    } catch (IllegalArgumentException e) {
                        badRows.add(new Rejection(row.line(), e.getMessage()));
                        return;
                    }
                    batch[0].position = row.charPosition();
                    if (batch[0].rows.size() >= BATCH) {
                        hand(queue, batch[0], writing);
                        batch[0] = new Batch();
                        if (progress.isCancelled()) {
                            throw new Stop();
                        }
                    }
                });
            } catch (CsvSource.UnreadableLine e) {
                unreadable = e; // the rows before it are written, then it is reported
            }
            hand(queue, batch[0], writing);
        } catch (Stop stop) {
            stopped = true;
        } finally {
            handQuietly(queue, writing);
        }
        await(writing);
        stopped |= writer.cancelled;
        List<Rejection> rejected = new ArrayList<>(badRows);
        rejected.addAll(writer.rejected);
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        progress.update(1, writer.created, writer.updated, rejected.size());
        if (unreadable != null) {
            throw ImportFailure.partWay(unreadable, write, writer.created + writer.updated, rejected.size());
        }
        return new ImportResult(writer.created, writer.updated, 0, rejected, repeated, stopped, writer.sample,
                writer.optOutsKept);
    }

    /** A 64-bit FNV-1a hash of the email: repeats are found without keeping every email of a big file. */
    private static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** The later row's values, keeping the earlier row's where the later one is empty. */
    private static Parsed laterRowOver(Parsed earlier, Parsed later) {
        CustomerDraft a = earlier.draft;
        CustomerDraft b = later.draft;
        CustomerDraft merged = new CustomerDraft(b.name(), b.email(), b.phone().isEmpty() ? a.phone() : b.phone(),
                b.city().isEmpty() ? a.city() : b.city(), later.hasSpend ? b.totalSpend() : a.totalSpend(),
                later.hasVisits ? b.visits() : a.visits(), later.hasLast ? b.lastPurchaseDate() : a.lastPurchaseDate());
        return new Parsed(earlier.line, merged, earlier.hasSpend || later.hasSpend, earlier.hasVisits || later.hasVisits,
                earlier.hasLast || later.hasLast, later.consent != null ? later.consent : earlier.consent);
    }

    private static void hand(BlockingQueue<Batch> queue, Batch batch, Future<?> writing) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (writing.isDone()) {
                    throw new Stop(); // the writer failed; its error is reported by await
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        }
    }

    /** Tells the writer there is no more; a writer that already stopped needs no telling. */
    private static void handQuietly(BlockingQueue<Batch> queue, Future<?> writing) {
        try {
            hand(queue, Batch.END, writing);
        } catch (Stop ignored) {
            // the writer is gone already
        }
    }

    private static void await(Future<?> writing) {
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("The import was interrupted; the rows written so far are kept.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ImportException("The import failed: " + e.getCause(), e.getCause());
        }
    }


    /** Thrown through the CSV reader to stop at a batch boundary. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Valid rows by lower-case email (a later row with the same email is merged over the earlier). */
    private static final class Batch {
        static final Batch END = new Batch();
        final Map<String, Parsed> rows = new LinkedHashMap<>();
        int size;
        long position;
    }

    /**
     * The consent column of a batch: a change is recorded; the same state again keeps the record it
     * has (when and how); and a file never subscribes again an address that opted out or bounced —
     * only the customer's own word does (the customer page, {@code unsubscribe --again}).
     */
    private void recordConsent(Batch batch, java.time.Instant now, Writer writer) {
        List<String> emails = batch.rows.values().stream().filter(p -> p.consent != null).map(p -> p.draft.email()).toList();
        if (emails.isEmpty()) {
            return;
        }
        Map<String, Consent> held = consent.find(emails);
        List<Consent> said = new ArrayList<>();
        for (Parsed p : batch.rows.values()) {
            if (p.consent == null) {
                continue;
            }
            Consent before = held.get(Customer.emailKey(p.draft.email()));
            if (before != null && before.state() == p.consent) {
                continue;
            }
            if (before != null && p.consent == Consent.State.SUBSCRIBED) {
                writer.optOutsKept++;
                continue;
            }
            said.add(new Consent(p.draft.email(), p.consent, now, writer.source));
        }
        consent.record(said);
    }

    /** Looks up and writes batches one after another, on the pipeline thread. */
    private final class Writer {
        final boolean write;
        final long size;
        final ImportProgress progress;
        final List<Rejection> rejected = new ArrayList<>();
        final Set<String> createdInPreview = new HashSet<>();
        /** A preview's examples: the first rows that create and the first that update, with what changes. */
        final List<ImportResult.Change> sample = new ArrayList<>();
        int sampledCreates;
        int sampledUpdates;
        volatile int created;
        volatile int updated;
        volatile boolean cancelled;

        final String source;
        int optOutsKept;

        Writer(boolean write, long size, ImportProgress progress, String source) {
            this.source = source;
            this.write = write;
            this.size = size;
            this.progress = progress;
        }

        void drain(BlockingQueue<Batch> queue) throws InterruptedException {
            while (true) {
                Batch b = queue.take();
                if (b == Batch.END) {
                    return;
                }
                if (progress.isCancelled()) {
                    cancelled = true;
                    continue; // keep taking so the reader is never stuck
                }
                flush(b);
            }
        }

        void flush(Batch batch) {
            if (batch.rows.isEmpty()) {
                return;
            }
            int sameEmailAgain = batch.size - batch.rows.size();
            var now = clock.instant();
            if (write && consent != null) {
                recordConsent(batch, now, this);
            }
            Map<String, Parsed> toUpdate = batch.rows;
            if (write) {
                // New customers go in without a lookup; only those whose email exists are looked up.
                List<Customer> fresh = new ArrayList<>(batch.rows.size());
                batch.rows.values().forEach(p -> fresh.add(newCustomer(p.draft, now)));
                List<Customer> present = repository.insertAbsent(fresh);
                created += fresh.size() - present.size();
                toUpdate = new LinkedHashMap<>();
                for (Customer c : present) {
                    toUpdate.put(c.emailKey(), batch.rows.get(c.emailKey()));
                }
            }
            Map<String, Customer> existing = new HashMap<>();
            if (!toUpdate.isEmpty()) {
                for (Customer c : repository.findByEmails(toUpdate.keySet())) {
                    existing.put(c.emailKey(), c);
                }
            }
            List<VersionedUpdate> updates = new ArrayList<>();
            Map<String, Long> lineOf = new HashMap<>();
            for (Map.Entry<String, Parsed> e : toUpdate.entrySet()) {
                Customer old = existing.get(e.getKey());
                if (old == null) {
                    if (write) { // deleted between the insert and the lookup
                        rejected.add(new Rejection(e.getValue().line, "the customer was deleted during the import; import this row again"));
                    } else if (createdInPreview.add(e.getKey())) {
                        created++;
                        if (sampledCreates < SAMPLE) {
                            sampledCreates++;
                            CustomerDraft d = e.getValue().draft;
                            sample.add(new ImportResult.Change(e.getValue().line, d.email(), d.name(), true, List.of()));
                        }
                    } else {
                        updated++;
                    }
                    continue;
                }
                Customer c = old.withDetails(merge(old, e.getValue()), old.audit().touched(now, user.id()));
                if (!write && sampledUpdates < SAMPLE) {
                    sampledUpdates++;
                    sample.add(new ImportResult.Change(e.getValue().line, old.email(), old.name(), false, differences(old, c)));
                }
                updates.add(new VersionedUpdate(c, old.version()));
                lineOf.put(c.id(), e.getValue().line);
            }
            if (write && !updates.isEmpty()) {
                List<String> stale = repository.writeBatch(List.of(), updates);
                for (String id : stale) {
                    rejected.add(new Rejection(lineOf.get(id),
                            "the customer was changed by someone else during the import; import this row again"));
                }
                updated += updates.size() - stale.size();
            } else {
                updated += updates.size();
            }
            updated += sameEmailAgain;
            progress.update(Math.min(1.0, (double) batch.position / size), created, updated, rejected.size());
        }

        private Customer newCustomer(CustomerDraft d, Instant now) {
            return new Customer(Ids.newId(), d.name(), d.email(), d.phone(), d.city(), d.totalSpend(), d.visits(),
                    d.lastPurchaseDate(), Audit.created(now, user.id()));
        }
    }

    /** Other names of the columns, as other tools and people write them (compared without case, spaces, dashes). */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("fullname", "name"), Map.entry("customername", "name"), Map.entry("customer", "name"),
            Map.entry("emailaddress", "email"), Map.entry("emailid", "email"), Map.entry("mail", "email"),
            Map.entry("phonenumber", "phone"), Map.entry("phoneno", "phone"), Map.entry("mobile", "phone"),
            Map.entry("mobilenumber", "phone"), Map.entry("mobileno", "phone"), Map.entry("contactnumber", "phone"),
            Map.entry("town", "city"),
            Map.entry("totalspent", "totalSpend"), Map.entry("spend", "totalSpend"), Map.entry("spent", "totalSpend"),
            Map.entry("lifetimevalue", "totalSpend"), Map.entry("ltv", "totalSpend"), Map.entry("amountspent", "totalSpend"),
            Map.entry("totalspendinr", "totalSpend"),
            Map.entry("visitcount", "visits"), Map.entry("ordercount", "visits"), Map.entry("orders", "visits"),
            Map.entry("numberoforders", "visits"), Map.entry("noofvisits", "visits"),
            Map.entry("lastpurchase", "lastPurchaseDate"), Map.entry("lastorder", "lastPurchaseDate"),
            Map.entry("lastorderdate", "lastPurchaseDate"), Map.entry("lastvisit", "lastPurchaseDate"),
            Map.entry("lastpurchasedate", "lastPurchaseDate"), Map.entry("totalspend", "totalSpend"),
            Map.entry("marketingconsent", "consent"), Map.entry("emailconsent", "consent"), Map.entry("optin", "consent"),
            Map.entry("subscribed", "consent"), Map.entry("marketing", "consent"));

    /** How many creates and how many updates a preview shows as examples. */
    static final int SAMPLE = 25;

    /** What an update changes, in words: "City: Pune → Delhi". */
    private static List<String> differences(Customer old, Customer now) {
        List<String> out = new ArrayList<>();
        diff(out, "Name", old.name(), now.name());
        diff(out, "Phone", old.phone(), now.phone());
        diff(out, "City", old.city(), now.city());
        if (old.totalSpend().compareTo(now.totalSpend()) != 0) {
            out.add("Total spend: " + Money.rupees(old.totalSpend()) + " → " + Money.rupees(now.totalSpend()));
        }
        diff(out, "Visits", String.valueOf(old.visits()), String.valueOf(now.visits()));
        diff(out, "Last purchase", Dates.show(old.lastPurchaseDate()),
                Dates.show(now.lastPurchaseDate()));
        return out;
    }

    private static void diff(List<String> out, String label, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(label + ": " + (before == null || before.isEmpty() ? "—" : before) + " → "
                    + (after == null || after.isEmpty() ? "—" : after));
        }
    }

    /** A valid row, and which optional columns it actually had a value in. */
    private record Parsed(long line, CustomerDraft draft, boolean hasSpend, boolean hasVisits, boolean hasLast,
                          Consent.State consent) {
    }

    /** An update keeps the stored value of any column the row leaves empty. */
    private static CustomerDraft merge(Customer old, Parsed p) {
        CustomerDraft d = p.draft;
        return new CustomerDraft(d.name(), d.email(), d.phone().isEmpty() ? old.phone() : d.phone(),
                d.city().isEmpty() ? old.city() : d.city(), p.hasSpend ? d.totalSpend() : old.totalSpend(),
                p.hasVisits ? d.visits() : old.visits(), p.hasLast ? d.lastPurchaseDate() : old.lastPurchaseDate());
    }

    private Parsed parse(CsvSource.Row row) {
        BigDecimal spend = row.money("totalSpend");
        Integer visits = CsvValues.wholeNumber("visits", row.get("visits"), Limits.MAX_VISITS);
        LocalDate last = CsvValues.date("lastPurchaseDate", row.get("lastPurchaseDate"));
        Consent.State said = Consent.read(row.get("consent")).orElse(null);
        CustomerDraft draft = new CustomerDraft(row.get("name"), row.get("email"), row.get("phone"), row.get("city"),
                spend == null ? Money.ZERO : spend, visits == null ? 0 : visits, last);
        Map<CustomerField, String> errors = validator.validate(draft);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", errors.values()));
        }
        draft = new CustomerDraft(draft.name(), draft.email(), draft.phone(), draft.city(),
                Money.normalize(draft.totalSpend()), draft.visits(), draft.lastPurchaseDate());
        return new Parsed(row.line(), draft, spend != null, visits != null, last != null, said);
    }
}
