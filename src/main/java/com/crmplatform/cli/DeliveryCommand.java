package com.crmplatform.cli;

import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.app.Services;
import com.crmplatform.delivery.DeliveryWorker;
import com.crmplatform.delivery.SimulatedVendor;
import com.crmplatform.delivery.VendorLedger;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "delivery", description = "Campaign delivery.", subcommands = DeliveryCommand.Run.class)
final class DeliveryCommand {

    @ParentCommand
    CrmCommand root;

    @Command(name = "run", description = "Runs the delivery worker: each campaign goes by its channel, the simulated vendor or email (SMTP_HOST …); "
            + "with --until-idle it stops when nothing is pending and prints {\"handedToVendor\": N, \"sent\": N, \"failed\": N}.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        DeliveryCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--until-idle")
        boolean untilIdle;
        @Option(names = "--vendor-success-rate", defaultValue = "0.9", paramLabel = "R")
        double successRate;
        @Option(names = "--vendor-latency-ms", defaultValue = "50", paramLabel = "MS")
        long latencyMs;
        @Option(names = "--vendor-seed", defaultValue = "42", paramLabel = "S")
        long vendorSeed;
        @Option(names = "--batch-size", defaultValue = "500", paramLabel = "N")
        int batchSize;
        @Option(names = "--lease-seconds", defaultValue = "30", paramLabel = "S",
                description = "How long a claimed batch is this worker's before another may take it over.")
        long leaseSeconds;

        @Override
        public Integer call() {
            Checks.range(spec, "--batch-size", batchSize, 1, 10_000);
            Checks.range(spec, "--lease-seconds", leaseSeconds, 1, 86_400);
            Checks.range(spec, "--vendor-latency-ms", latencyMs, 0, 60_000);
            Checks.fraction(spec, "--vendor-success-rate", successRate);
            SimulatedVendor.Settings vendorSettings = new SimulatedVendor.Settings(successRate, Duration.ofMillis(latencyMs),
                    vendorSeed, 0.05);
            AtomicBoolean stop = new AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(java.util.concurrent.Executors.defaultThreadFactory().newThread(() -> stop.set(true)));
            try (Services services = parent.root.open();
                 VendorLedger ledger = VendorLedger.open(services.config().dataDir());
                 com.crmplatform.delivery.VendorGateway vendor = services.gateways(
                         new SimulatedVendor(ledger, vendorSettings, BackgroundExecutor.createScheduled()))) {
                services.mailProblem().ifPresent(p -> {
                    spec.commandLine().getErr().println("warning: the mail server settings are wrong: " + p
                            + " Email messages this run claims fail with that reason.");
                    spec.commandLine().getErr().flush();
                });
                services.campaigns().resumeLaunches();
                DeliveryWorker worker = new DeliveryWorker(services.store().communicationLog(), vendor, Clock.systemUTC(),
                        "cli-" + ManagementFactory.getRuntimeMXBean().getName(), new DeliveryWorker.Settings(batchSize, 2_000,
                        Duration.ofSeconds(leaseSeconds), Duration.ofMillis(20))).withConsent(services.store().consent());
                DeliveryWorker.Summary s = worker.run(untilIdle, stop::get);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("handedToVendor", s.handedToVendor());
                out.put("sent", s.sent());
                out.put("failed", s.failed());
                Json.print(spec.commandLine().getOut(), out);
            }
            return 0;
        }
    }
}
