package com.crmplatform.importexport;

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
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes customers or orders as CSV that the importers read back unchanged. Reads the store a
 * page at a time, and writes to a temporary file that replaces the target only when complete.
 */
public final class CsvExporter {

    private static final int PAGE = 5_000;

    private final CustomerRepository customers;
    private final OrderRepository orders;

    public CsvExporter(CustomerRepository customers, OrderRepository orders) {
        this.customers = customers;
        this.orders = orders;
    }

    /** @return how many customers were written */
    public long exportCustomers(Path file) {
        return write(file, CustomerImporter.COLUMNS, out -> {
            CustomerQuery q = CustomerQuery.all();
            long n = 0;
            Page<Customer> page = customers.page(q, PageRequest.first(PAGE));
            while (true) {
                for (Customer c : page.items()) {
                    out.printRecord(c.name(), c.email(), c.phone(), c.city(), c.totalSpend().toPlainString(), c.visits(),
                            c.lastPurchaseDate() == null ? "" : c.lastPurchaseDate().toString());
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
                    out.printRecord(o.customerEmail(), o.amount().toPlainString(), o.orderDate().toString(),
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

    private interface Body {
        long write(CSVPrinter out) throws IOException;
    }

    private static long write(Path file, java.util.List<String> header, Body body) {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            long n = body.write(out);
            out.flush();
            w.close();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new ImportException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
