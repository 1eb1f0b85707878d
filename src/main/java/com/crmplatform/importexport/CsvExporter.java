package com.crmplatform.importexport;

import com.crmplatform.customer.Consent;
import com.crmplatform.customer.ConsentRepository;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.customer.CustomerSort;
import com.crmplatform.order.LineItems;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderQuery;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.store.Cursor;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes customers or orders as CSV that the importers read back unchanged. Reads the store a
 * page at a time, and writes to a temporary file that replaces the target only when complete.
 * It never writes into the data directory (where the store itself lives), never follows a link
 * or writes over anything but a regular file, and writes cells a spreadsheet would run as a
 * formula with a leading apostrophe (OWASP's advice), which the importers remove again.
 */
public final class CsvExporter {

    private static final int PAGE = 5_000;

    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final Path dataDir;
    private ConsentRepository consent;

    /** Writes each customer's recorded consent in the {@code consent} column (empty: none recorded). */
    public CsvExporter withConsent(ConsentRepository consent) {
        this.consent = consent;
        return this;
    }

    /** @param dataDir the data directory, which an export must never write into; null for none */
    public CsvExporter(CustomerRepository customers, OrderRepository orders, Path dataDir) {
        this.customers = customers;
        this.orders = orders;
        this.dataDir = dataDir;
    }

    /** @return how many customers were written */
    public long exportCustomers(Path file) {
        return write(file, CustomerImporter.COLUMNS, out -> {
            CustomerQuery q = CustomerQuery.all();
            long n = 0;
            Page<Customer> page = customers.page(q, PageRequest.first(PAGE));
            while (true) {
                Map<String, Consent> said = consent == null ? Map.of()
                        : consent.find(page.items().stream().map(Customer::email).toList());
                for (Customer c : page.items()) {
                    Consent k = said.get(c.emailKey());
                    record(out, c.name(), c.email(), c.phone(), c.city(), c.totalSpend().toPlainString(),
                            String.valueOf(c.visits()), c.lastPurchaseDate() == null ? "" : c.lastPurchaseDate().toString(),
                            k == null ? "" : k.state().name().toLowerCase(Locale.ROOT));
                    n++;
                }
                if (!page.hasNext()) {
                    return n;
                }
                Customer last = page.items().get(page.items().size() - 1);
                page = customers.page(q, PageRequest.after(new Cursor(CustomerSort.NAME.keyOf(last), last.id()), PAGE));
            }
        });
    }

    /** @return how many orders were written */
    public long exportOrders(Path file) {
        return write(file, OrderImporter.COLUMNS, out -> {
            long n = 0;
            Page<Order> page = orders.page(OrderQuery.all(), PageRequest.first(PAGE));
            while (true) {
                for (Order o : page.items()) {
                    record(out, o.customerEmail(), o.amount().toPlainString(), o.orderDate().toString(),
                            LineItems.format(o.items()), o.status().name(), o.id());
                    n++;
                }
                if (!page.hasNext()) {
                    return n;
                }
                Order last = page.items().get(page.items().size() - 1);
                page = orders.page(OrderQuery.all(), PageRequest.after(new Cursor(last.orderDate(), last.id()), PAGE));
            }
        });
    }

    private static void record(CSVPrinter out, String... cells) throws IOException {
        for (String cell : cells) {
            out.print(CsvValues.forSpreadsheet(cell));
        }
        out.println();
    }

    private interface Body {
        long write(CSVPrinter out) throws IOException;
    }

    private long write(Path file, List<String> header, Body body) {
        Path target = checkTarget(file);
        Path tmp;
        try {
            // A fresh random name, created exclusively (never an existing file or a planted link).
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new ImportException("Cannot write in " + target.getParent() + " (" + reason(e)
                    + "). Choose a folder you can write to.", e);
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            long n = body.write(out);
            out.flush();
            w.close();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            if (e instanceof RuntimeException r && !(e instanceof UncheckedIOException)) {
                throw r;
            }
            // The temporary file is ours, not the user's: the message names the file they asked for.
            String why = reason(e).replace(tmp.toString(), target.toString()).replace(tmp.getFileName().toString(),
                    target.getFileName().toString());
            throw new ImportException("Cannot write " + target + " (" + why + "). Nothing was changed there.", e);
        }
    }

    /** The target's absolute path, when it is a place an export may write; else a refusal that says why. */
    private Path checkTarget(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.getFileName() == null) {
            throw new ImportException("Give the export a file name, e.g. customers.csv.");
        }
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            throw new ImportException("There is no folder " + folder + " to write " + target.getFileName() + " into.");
        }
        if (dataDir != null && isInside(folder, dataDir)) {
            throw new ImportException("Refusing to write " + target + ": it is inside the CRM's data folder " + dataDir
                    + ", where the database itself lives. Choose a file in another folder.");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ImportException("Refusing to write " + target + ": it is "
                    + (Files.isSymbolicLink(target) ? "a link" : Files.isDirectory(target) ? "a folder" : "not an ordinary file")
                    + ". Choose a new file name or an ordinary file to replace.");
        }
        return target;
    }

    /** By file identity, not by name: another path to the same folder (a link, a bind mount) is the same folder. */
    private static boolean isInside(Path folder, Path dir) {
        if (!Files.exists(dir)) {
            return folder.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
        }
        try {
            for (Path p = folder.toRealPath(); p != null; p = p.getParent()) {
                if (Files.isSameFile(p, dir)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true; // cannot tell: refuse rather than risk the store
        }
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(t.getMessage());
    }
}
