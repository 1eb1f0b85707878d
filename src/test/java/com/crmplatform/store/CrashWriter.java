package com.crmplatform.store;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.customer.Customer;
import com.crmplatform.order.Order;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The child process of the crash tests: writes records one by one through the repositories and
 * prints a line for each write the store acknowledged, until it is killed.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        PrintStream out = System.out;
        try (SqliteStore store = SqliteStore.open(dir)) {
            if (args[1].equals("customers")) {
                for (int i = 0; ; i++) {
                    Customer c = TestData.customer("Crash Test " + i, "Crash.Test." + i + "@Example.com");
                    store.customers().insert(c);
                    out.println("ack " + c.id() + " " + c.email());
                    out.flush();
                }
            }
            Customer c = store.customers().findByEmail(args[2]).orElseThrow();
            for (int i = 0; ; i++) {
                Order o = TestData.order(c, (1 + i % 7) + "." + (10 + i % 90), LocalDate.of(2026, 1, 1).plusDays(i % 300));
                out.println("send " + o.id() + " " + o.amount() + " " + o.orderDate());
                out.flush();
                store.orders().create(o);
                out.println("ack " + o.id());
                out.flush();
            }
        }
    }
}
