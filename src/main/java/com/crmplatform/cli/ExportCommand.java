package com.crmplatform.cli;

import com.crmplatform.app.Services;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "Writes customers or orders to a CSV file that import reads back unchanged.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    CrmCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "customers|orders")
    ImportCommand.Kind kind;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        try (Services services = root.openForReading()) {
            long n = kind == ImportCommand.Kind.customers ? services.exporter().exportCustomers(file)
                    : services.exporter().exportOrders(file);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("exported", n);
            out.put("file", file.toAbsolutePath().toString());
            Json.print(spec.commandLine().getOut(), out);
        }
        return 0;
    }
}
