package com.crmplatform.cli;

import com.crmplatform.app.Services;
import com.crmplatform.importexport.ColumnChoice;
import com.crmplatform.importexport.ImportProgress;
import com.crmplatform.importexport.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Imports customers (created or updated by email) or orders from a CSV file; "
        + "prints {\"created\": N, \"updated\": N, \"skipped\": N, \"rejected\": [{\"line\": N, \"reason\": \"...\"}], "
        + "\"repeated\": [{\"line\": N, \"firstLine\": N, \"key\": \"...\"}]}.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    CrmCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "customers|orders", description = "What the file holds.")
    Kind kind;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--column", paramLabel = "FIELD=COLUMN", description = "Which of the file's columns holds a field, "
            + "when its headers do not say (e.g. --column email=\"E-post\"); may be repeated.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No file at " + file.toAbsolutePath());
        }
        try (Services services = root.open()) {
            ImportResult r = kind == Kind.customers
                    ? services.customerImporter().importFile(file, new ColumnChoice(columns), ImportProgress.NONE)
                    : services.orderImporter().importFile(file, new ColumnChoice(columns), ImportProgress.NONE);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("created", r.created());
            out.put("updated", r.updated());
            out.put("skipped", r.skipped());
            if (kind == Kind.customers) {
                out.put("optOutsKept", r.optOutsKept());
            }
            List<Map<String, Object>> rejected = r.rejected().stream()
                    .map(x -> Map.<String, Object>of("line", x.line(), "reason", x.reason())).toList();
            out.put("rejected", rejected);
            out.put("repeated", r.repeated().stream()
                    .map(x -> Map.<String, Object>of("line", x.line(), "firstLine", x.firstLine(), "key", x.key())).toList());
            Json.print(spec.commandLine().getOut(), out);
        }
        return 0;
    }

    enum Kind { customers, orders }
}
