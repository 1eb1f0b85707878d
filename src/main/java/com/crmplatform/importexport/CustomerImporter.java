package com.crmplatform.importexport;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerDraft;
import com.crmplatform.customer.CustomerField;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.customer.CustomerRepository.VersionedUpdate;
import com.crmplatform.customer.CustomerValidator;
import com.crmplatform.importexport.ImportResult.Rejection;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Ids;
import com.crmplatform.store.Money;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports customers from CSV, creating or updating them by email. Bad rows are reported with
 * their line and reason and the good rows are imported anyway. Rows are written in batches, each
 * committed on its own, so a crash or a cancel keeps every batch already written.
 */
public final class CustomerImporter {

    public static final List<String> COLUMNS = List.of("name", "email", "phone", "city", "totalSpend", "visits",
            "lastPurchaseDate");
    static final int BATCH = 5_000;

    private final CustomerRepository repository;
    private final CustomerValidator validator;
    private final CurrentUser user;
    private final Clock clock;

    public CustomerImporter(CustomerRepository repository, CurrentUser user, Clock clock) {
        this.repository = repository;
        this.validator = new CustomerValidator(clock);
        this.user = user;
        this.clock = clock;
    }

    /** What importing the file would do, without writing anything. */
    public ImportResult preview(Path file, ImportProgress progress) {
        return run(file, progress, false);
    }

    public ImportResult importFile(Path file, ImportProgress progress) {
        return run(file, progress, true);
    }

    private ImportResult run(Path file, ImportProgress progress, boolean write) {
        Run run = new Run(write, sizeOf(file), progress);
        try {
            CsvSource.read(file, List.of("name", "email"), row -> {
                if (run.stopped) {
                    return;
                }
                run.add(row);
            });
        } catch (Stop stop) {
            // cancelled between batches; what was written stays
        }
        if (!run.stopped) {
            run.flush();
        }
        progress.update(1, run.created, run.updated, run.rejected.size());
        run.rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportResult(run.created, run.updated, run.rejected, run.stopped);
    }

    private static long sizeOf(Path file) {
        try {
            return Math.max(1, Files.size(file));
        } catch (Exception e) {
            return 1;
        }
    }

    /** Thrown through the CSV reader to stop at a batch boundary. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** The state of one import. */
    private final class Run {
        final boolean write;
        final long size;
        final ImportProgress progress;
        final List<Rejection> rejected = new ArrayList<>();
        final Set<String> createdInPreview = new HashSet<>();
        Map<String, Parsed> batch = new LinkedHashMap<>();
        int created;
        int updated;
        long position;
        boolean stopped;

        Run(boolean write, long size, ImportProgress progress) {
            this.write = write;
            this.size = size;
            this.progress = progress;
        }

        void add(CsvSource.Row row) {
            position = row.charPosition();
            Parsed p;
            try {
                p = parse(row);
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejection(row.line(), e.getMessage()));
                return;
            }
            Parsed earlier = batch.put(p.draft.email().toLowerCase(java.util.Locale.ROOT), p);
            if (earlier != null) {
                updated++; // the same email twice in one batch: the later row wins
            }
            if (batch.size() >= BATCH) {
                flush();
                if (progress.isCancelled()) {
                    stopped = true;
                    throw new Stop();
                }
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, Customer> existing = new HashMap<>();
            for (Customer c : repository.findByEmails(batch.keySet())) {
                existing.put(c.emailKey(), c);
            }
            List<Customer> inserts = new ArrayList<>();
            List<VersionedUpdate> updates = new ArrayList<>();
            Map<String, Long> lineOf = new HashMap<>();
            var now = clock.instant();
            for (Map.Entry<String, Parsed> e : batch.entrySet()) {
                CustomerDraft d = e.getValue().draft;
                Customer old = existing.get(e.getKey());
                if (old == null) {
                    Customer c = new Customer(Ids.newId(), d.name(), d.email(), d.phone(), d.city(), d.totalSpend(),
                            d.visits(), d.lastPurchaseDate(), Audit.created(now, user.id()));
                    inserts.add(c);
                } else {
                    Customer c = old.withDetails(merge(old, e.getValue()), old.audit().touched(now, user.id()));
                    updates.add(new VersionedUpdate(c, old.version()));
                    lineOf.put(c.id(), e.getValue().line);
                }
            }
            if (write) {
                List<String> stale = repository.writeBatch(inserts, updates);
                for (String id : stale) {
                    rejected.add(new Rejection(lineOf.get(id),
                            "the customer was changed by someone else during the import; import this row again"));
                }
                created += inserts.size();
                updated += updates.size() - stale.size();
            } else {
                for (Customer c : inserts) {
                    if (createdInPreview.add(c.emailKey())) {
                        created++;
                    } else {
                        updated++;
                    }
                }
                updated += updates.size();
            }
            batch = new LinkedHashMap<>();
            progress.update(Math.min(1.0, (double) position / size), created, updated, rejected.size());
        }
    }

    /** A valid row, and which optional columns it actually had a value in. */
    private record Parsed(long line, CustomerDraft draft, boolean hasSpend, boolean hasVisits, boolean hasLast) {
    }

    /** An update keeps the stored value of any column the row leaves empty. */
    private static CustomerDraft merge(Customer old, Parsed p) {
        CustomerDraft d = p.draft;
        return new CustomerDraft(d.name(), d.email(), d.phone().isEmpty() ? old.phone() : d.phone(),
                d.city().isEmpty() ? old.city() : d.city(), p.hasSpend ? d.totalSpend() : old.totalSpend(),
                p.hasVisits ? d.visits() : old.visits(), p.hasLast ? d.lastPurchaseDate() : old.lastPurchaseDate());
    }

    private Parsed parse(CsvSource.Row row) {
        BigDecimal spend = CsvValues.money("totalSpend", row.get("totalSpend"));
        Integer visits = CsvValues.wholeNumber("visits", row.get("visits"));
        LocalDate last = CsvValues.date("lastPurchaseDate", row.get("lastPurchaseDate"));
        CustomerDraft draft = new CustomerDraft(row.get("name"), row.get("email"), row.get("phone"), row.get("city"),
                spend == null ? Money.ZERO : spend, visits == null ? 0 : visits, last);
        Map<CustomerField, String> errors = validator.validate(draft);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", errors.values()));
        }
        draft = new CustomerDraft(draft.name(), draft.email(), draft.phone(), draft.city(),
                Money.normalize(draft.totalSpend()), draft.visits(), draft.lastPurchaseDate());
        return new Parsed(row.line(), draft, spend != null, visits != null, last != null);
    }
}
