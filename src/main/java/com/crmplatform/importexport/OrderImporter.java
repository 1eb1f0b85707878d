package com.crmplatform.importexport;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.importexport.ImportResult.Rejection;
import com.crmplatform.importexport.ImportResult.Repeat;
import com.crmplatform.order.LineItem;
import com.crmplatform.order.LineItems;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderField;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.order.OrderStatus;
import com.crmplatform.order.OrderValidator;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Ids;
import com.crmplatform.store.Limits;
import com.crmplatform.store.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports orders from CSV; each order is added to its customer's totals. A row with an {@code id}
 * column (as {@code export} writes) keeps that id; a row without one gets an id derived from its
 * contents (see {@link RowIdentity}). Either way importing the same file twice, or again after a
 * crash, adds nothing the second time: those rows are counted as skipped.
 */
public final class OrderImporter {

    /** Other names of the columns, as other tools and people write them (compared without case, spaces, dashes). */
    static final java.util.Map<String, String> ALIASES = java.util.Map.ofEntries(
            java.util.Map.entry("email", "customerEmail"), java.util.Map.entry("customeremail", "customerEmail"),
            java.util.Map.entry("emailaddress", "customerEmail"), java.util.Map.entry("orderamount", "amount"),
            java.util.Map.entry("total", "amount"), java.util.Map.entry("value", "amount"),
            java.util.Map.entry("amountinr", "amount"), java.util.Map.entry("date", "orderDate"),
            java.util.Map.entry("orderdate", "orderDate"), java.util.Map.entry("orderedon", "orderDate"),
            java.util.Map.entry("purchasedate", "orderDate"), java.util.Map.entry("products", "items"),
            java.util.Map.entry("item", "items"));

    public static final List<String> COLUMNS = List.of("customerEmail", "amount", "orderDate", "items", "status", "id");
    static final int BATCH = 2_000;

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final OrderValidator validator;
    private final CurrentUser user;
    private final Clock clock;

    public OrderImporter(OrderRepository orders, CustomerRepository customers, CurrentUser user, Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.validator = new OrderValidator(clock);
        this.user = user;
        this.clock = clock;
    }

    public ImportResult importFile(Path file, ImportProgress progress) {
        return run(file, ColumnChoice.NONE, progress, true);
    }

    /** Imports the file, its columns read as chosen. */
    public ImportResult importFile(Path file, ColumnChoice choice, ImportProgress progress) {
        return run(file, choice, progress, true);
    }

    public ImportResult preview(Path file, ImportProgress progress) {
        return run(file, ColumnChoice.NONE, progress, false);
    }

    /** What importing the file would do, its columns read as chosen, without writing anything. */
    public ImportResult preview(Path file, ColumnChoice choice, ImportProgress progress) {
        return run(file, choice, progress, false);
    }

    private ImportResult run(Path file, ColumnChoice choice, ImportProgress progress, boolean write) {
        List<Rejection> rejected = new ArrayList<>();
        List<Repeat> repeated = new ArrayList<>();
        List<Pending> batch = new ArrayList<>();
        RowIdentity identity = new RowIdentity();
        Map<String, Long> lineOfId = new HashMap<>();
        int[] created = {0};
        int[] skipped = {0};
        long size = CsvSource.sizeOf(file);
        long[] position = {0};
        boolean[] stopped = {false};
        Runnable flush = () -> {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, Customer> byEmail = new HashMap<>();
            customers.findByEmails(batch.stream().map(p -> p.email).toList()).forEach(c -> byEmail.put(c.emailKey(), c));
            List<Order> ready = new ArrayList<>();
            Map<String, BigDecimal> spendAfter = new HashMap<>();
            // Rows already stored are skipped, so they never count against the largest total.
            java.util.Set<String> stored = orders.existingIds(batch.stream().map(p -> p.id).toList());
            var now = clock.instant();
            for (Pending p : batch) {
                Customer c = byEmail.get(p.email.toLowerCase(Locale.ROOT));
                if (c == null) {
                    rejected.add(new Rejection(p.line, "no customer has the email " + p.email
                            + "; import or create the customer first"));
                    continue;
                }
                if (p.status == OrderStatus.ACTIVE && !stored.contains(p.id)) {
                    BigDecimal after = spendAfter.getOrDefault(c.id(), c.totalSpend()).add(p.amount);
                    if (after.compareTo(Limits.MAX_TOTAL_SPEND) > 0) {
                        rejected.add(new Rejection(p.line, "this order would take " + p.email + "'s total spend past ₹"
                                + Limits.MAX_TOTAL_SPEND.toPlainString() + ", the largest the CRM keeps"));
                        continue;
                    }
                    spendAfter.put(c.id(), after);
                }
                ready.add(new Order(p.id, c.id(), c.name(), c.email(), p.amount, p.date, p.items, p.status,
                        Audit.created(now, user.id())));
            }
            int n = write ? orders.createAll(ready)
                    : ready.size() - orders.existingIds(ready.stream().map(Order::id).toList()).size();
            created[0] += n;
            skipped[0] += ready.size() - n;
            batch.clear();
            progress.update(Math.min(1.0, (double) position[0] / size), created[0], 0, rejected.size());
        };
        CsvSource.UnreadableLine unreadable = null;
        try {
            CsvSource.read(file, new CsvSource.Columns(List.of("customerEmail", "amount", "orderDate"), COLUMNS, ALIASES), choice, row -> {
                position[0] = row.charPosition();
                try {
                    Pending p = parse(row, identity);
                    Long first = lineOfId.putIfAbsent(p.id, row.line());
                    if (first != null) {
                        repeated.add(new Repeat(row.line(), first, p.id));
                        throw new IllegalArgumentException("the order id " + p.id + " is already on line " + first
                                + " of this file; this row was not imported");
                    }
                    batch.add(p);
                } catch (IllegalArgumentException e) {
                    rejected.add(new Rejection(row.line(), e.getMessage()));
                }
                if (batch.size() >= BATCH) {
                    flush.run();
                    if (progress.isCancelled()) {
                        stopped[0] = true;
                        throw new CancellationMarker();
                    }
                }
            });
        } catch (CancellationMarker e) {
            // stopped between batches
        } catch (CsvSource.UnreadableLine e) {
            unreadable = e; // the rows before it are written, then it is reported
        }
        if (!stopped[0]) {
            flush.run();
        }
        progress.update(1, created[0], 0, rejected.size());
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        if (unreadable != null) {
            throw ImportFailure.partWay(unreadable, write, created[0] + skipped[0], rejected.size());
        }
        return new ImportResult(created[0], 0, skipped[0], rejected, repeated, stopped[0]);
    }

    private static final class CancellationMarker extends RuntimeException {
        CancellationMarker() {
            super(null, null, false, false);
        }
    }

    private record Pending(long line, String id, String email, BigDecimal amount, LocalDate date, List<LineItem> items,
                           OrderStatus status) {
    }

    private Pending parse(CsvSource.Row row, RowIdentity identity) {
        String email = row.get("customerEmail").strip();
        if (email.isEmpty()) {
            throw new IllegalArgumentException("customerEmail is empty");
        }
        BigDecimal amount = row.money("amount");
        LocalDate date = CsvValues.date("orderDate", row.get("orderDate"));
        List<LineItem> items = LineItems.parse(row.get("items"));
        Map<OrderField, String> errors = validator.validate(amount, date, items);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", errors.values()));
        }
        String status = row.get("status").strip().toUpperCase(Locale.ROOT);
        OrderStatus s = status.isEmpty() || status.equals("ACTIVE") ? OrderStatus.ACTIVE
                : status.equals("CANCELLED") ? OrderStatus.CANCELLED : null;
        if (s == null) {
            throw new IllegalArgumentException("status \"" + row.get("status") + "\" is neither ACTIVE nor CANCELLED");
        }
        String id = row.get("id").strip().toLowerCase(Locale.ROOT); // an ObjectId in capitals is the same id
        if (!id.isEmpty() && !Ids.isValid(id)) {
            throw new IllegalArgumentException("id \"" + id + "\" is not an order id");
        }
        BigDecimal paise = Money.normalize(amount);
        if (id.isEmpty()) {
            // The same row of the same file always gets the same id, so importing it again adds nothing.
            id = identity.idFor(email.toLowerCase(Locale.ROOT), paise.toPlainString(), date.toString(),
                    LineItems.format(items), s.name());
        }
        return new Pending(row.line(), id, email, paise, date, items, s);
    }

}
