package com.crmplatform.cli;

import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.bench.Benchmarks;
import java.util.concurrent.ExecutorService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = "Benchmarks on fresh local stores: CSV import vs raw bulk insert, "
        + "first and middle customers page, audience count vs a hand-written count, batched vs per-receipt delivery, "
        + "and team-mode sync on the in-process MongoDB stand-in (first sync, push, a change reaching another workstation).")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", defaultValue = "1000000", paramLabel = "N")
    int customers;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (customers < 100) {
            throw new IllegalArgumentException("--customers must be at least 100");
        }
        Path scratch = Files.createTempDirectory("crm-bench");
        PrintWriter err = spec.commandLine().getErr();
        ExecutorService pipeline = BackgroundExecutor.create();
        try {
            Map<String, Object> r = new Benchmarks(scratch, line -> {
                if (!json) {
                    err.println(line);
                    err.flush();
                }
            }, pipeline, BackgroundExecutor::createScheduled).run(customers);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, r);
            } else {
                out.printf("customers            %,d%n", r.get("customers"));
                out.printf("CSV import           %,d rows/s%n", r.get("import.rowsPerSec"));
                out.printf("raw bulk insert      %,d rows/s%n", r.get("import.rawInsertPerSec"));
                out.printf("import ratio         %s   (target >= 0.8)%n", r.get("import.ratio"));
                out.printf("first page by name   %s ms (target < 20)%n", r.get("firstPage.ms"));
                out.printf("middle page by name  %s ms (target < 20)%n", r.get("middlePage.ms"));
                out.printf("segment count        %s ms, hand-written %s ms, ratio %s (targets < 200 ms, <= 1.2)%n",
                        r.get("segment.ms"), r.get("segment.rawMs"), r.get("segment.ratio"));
                out.printf("delivery             %,d msg/s batched, %,d msg/s per receipt, ratio %s (target >= 12)%n",
                        r.get("delivery.msgPerSec"), r.get("delivery.perReceiptMsgPerSec"), r.get("delivery.ratio"));
                out.printf("first sync           %,d records/s, raw find %,d/s, ratio %s (target >= 0.5)%n",
                        r.get("sync.initialPerSec"), r.get("sync.rawFindPerSec"), r.get("sync.initialRatio"));
                out.printf("  then search indexes %s ms (built after the window opens)%n", r.get("sync.searchIndexesMs"));
                out.printf("push                 %,d changes/s, raw bulk write %,d/s, ratio %s (target >= 0.5)%n",
                        r.get("sync.pushPerSec"), r.get("sync.rawBulkWritePerSec"), r.get("sync.pushRatio"));
                out.printf("change on another    worst %s ms, mean %s ms (target < 3000)%n",
                        r.get("sync.visibleWorstMs"), r.get("sync.visibleMeanMs"));
                out.flush();
            }
        } finally {
            pipeline.shutdownNow();
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // scratch space in the temp directory
            }
        }
        return 0;
    }
}
