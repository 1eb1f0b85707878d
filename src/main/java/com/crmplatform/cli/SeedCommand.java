package com.crmplatform.cli;

import com.crmplatform.app.Services;
import com.crmplatform.importexport.DemoData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "seed", description = "Adds demo customers (Indian names and cities) and orders in rupees.")
final class SeedCommand implements Callable<Integer> {

    @ParentCommand
    CrmCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", required = true, paramLabel = "N", description = "How many customers.")
    int customers;

    @Option(names = "--orders", defaultValue = "0", paramLabel = "M", description = "How many orders, spread over them.")
    int orders;

    @Option(names = "--random-seed", defaultValue = "42", paramLabel = "S", description = "Same seed, same data.")
    long seed;

    @Override
    public Integer call() {
        if (customers < 0 || orders < 0) {
            throw new IllegalArgumentException("--customers and --orders cannot be negative");
        }
        try (Services services = root.open()) {
            // Progress on stderr (scripts read only the JSON on stdout): updated in place at a
            // terminal, a line every 10% otherwise, so a long seed is never silent.
            boolean terminal = System.console() != null;
            long total = (long) customers + orders;
            long[] lastTenth = {0};
            if (total > 0) {
                spec.commandLine().getErr().printf("seeding %,d customers and %,d orders…%n", customers, orders);
                spec.commandLine().getErr().flush();
            }
            DemoData.Seeded s = services.demoData().seed(customers, orders, seed, n -> {
                if (terminal) {
                    spec.commandLine().getErr().printf("\rseeded %,d of %,d records", n, total);
                    spec.commandLine().getErr().flush();
                } else if (total > 0 && n * 10 / total > lastTenth[0]) {
                    lastTenth[0] = n * 10 / total;
                    spec.commandLine().getErr().printf("seeded %,d of %,d records (%d%%)%n", n, total, lastTenth[0] * 10);
                    spec.commandLine().getErr().flush();
                }
            });
            if (terminal) {
                spec.commandLine().getErr().println();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("customers", s.customers());
            out.put("orders", s.orders());
            Json.print(spec.commandLine().getOut(), out);
        }
        return 0;
    }
}
