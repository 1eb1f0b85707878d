package com.crmplatform.app;

import com.crmplatform.ai.CampaignAssistant;
import com.crmplatform.ai.GroqSettings;
import com.crmplatform.ai.RuleGenerator;
import com.crmplatform.auth.CurrentUser;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.config.AppConfig;
import com.crmplatform.customer.ConsentService;
import com.crmplatform.customer.CustomerService;
import com.crmplatform.delivery.Gateways;
import com.crmplatform.delivery.SmtpGateway;
import com.crmplatform.delivery.SmtpSettings;
import com.crmplatform.delivery.VendorGateway;
import com.crmplatform.importexport.CsvExporter;
import com.crmplatform.importexport.CustomerImporter;
import com.crmplatform.importexport.DemoData;
import com.crmplatform.importexport.OrderImporter;
import com.crmplatform.order.CustomerRemovalService;
import com.crmplatform.order.OrderService;
import com.crmplatform.segment.SegmentService;
import com.crmplatform.sync.SyncService;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The composition root of the core: every service, built once by constructor from the store,
 * the signed-in user and the clock. The window and the command line both start here.
 */
public final class Services implements AutoCloseable {

    private final AppConfig config;
    private final Store store;
    private final CurrentUser user;
    private final CustomerService customers;
    private final OrderService orders;
    private final CustomerRemovalService customerRemovals;
    private final CustomerImporter customerImporter;
    private final OrderImporter orderImporter;
    private final CsvExporter exporter;
    private final DemoData demoData;
    private final CampaignService campaigns;
    private final SegmentService segments;
    private final RuleGenerator ruleGenerator;
    private final CampaignAssistant assistant;
    private final ExecutorService background;
    private final boolean ownsExecutor;
    private final SyncService sync;
    private final ConsentService consent;
    private java.util.function.Consumer<String> closingNotice;

    /** Services with an executor of their own (the command line), shut down with them. */
    public Services(AppConfig config, Store store, CurrentUser user, Clock clock) {
        this(config, store, user, clock, BackgroundExecutor.create(), true);
    }

    /** @param background the one executor for background work; its owner shuts it down */
    public Services(AppConfig config, Store store, CurrentUser user, Clock clock, ExecutorService background) {
        this(config, store, user, clock, background, false);
    }

    private Services(AppConfig config, Store store, CurrentUser user, Clock clock, ExecutorService background,
                     boolean ownsExecutor) {
        this.ownsExecutor = ownsExecutor;
        this.sync = store instanceof ReplicaStore replica ? replica.sync() : SyncService.none();
        this.background = background;
        this.config = config;
        this.store = store;
        this.user = user;
        this.customers = new CustomerService(store.customers(), user, clock);
        this.orders = new OrderService(store.orders(), store.customers(), user, clock);
        this.customerRemovals = new CustomerRemovalService(store.customerRemovals());
        this.customerImporter = new CustomerImporter(store.customers(), user, clock, background).withConsent(store.consent());
        this.orderImporter = new OrderImporter(store.orders(), store.customers(), user, clock);
        this.exporter = new CsvExporter(store.customers(), store.orders(), config.dataDir()).withConsent(store.consent());
        this.demoData = new DemoData(store.customers(), store.orders(), user, clock);
        this.campaigns = new CampaignService(store.campaigns(), store.communicationLog(), user, clock);
        this.segments = new SegmentService(store.audience(), store.segments());
        this.consent = new ConsentService(store.consent(), user, clock);
        GroqSettings groq = GroqSettings.of(config.groqApiKey(), config.groqBaseUrl(), config.groqModel());
        this.ruleGenerator = new RuleGenerator(groq);
        this.assistant = new CampaignAssistant(groq);
    }

    public AppConfig config() {
        return config;
    }

    public Store store() {
        return store;
    }

    public CurrentUser user() {
        return user;
    }

    public CustomerService customers() {
        return customers;
    }

    public OrderService orders() {
        return orders;
    }

    /** Deleting a customer with their orders, and undo. */
    public CustomerRemovalService customerRemovals() {
        return customerRemovals;
    }

    public CustomerImporter customerImporter() {
        return customerImporter;
    }

    public OrderImporter orderImporter() {
        return orderImporter;
    }

    public CsvExporter exporter() {
        return exporter;
    }

    /** English to rules: Groq when configured, the offline parser otherwise. */
    public RuleGenerator ruleGenerator() {
        return ruleGenerator;
    }

    /** Message suggestions, summaries and tags: Groq when configured, deterministic otherwise. */
    public CampaignAssistant assistant() {
        return assistant;
    }

    public CampaignService campaigns() {
        return campaigns;
    }

    /** Audience counts and samples, and the named segments. */
    public SegmentService segments() {
        return segments;
    }

    public DemoData demoData() {
        return demoData;
    }

    /** The one executor for background work, shared by the window and the import pipeline. */
    /**
     * What delivery sends through: the simulated vendor, and email over SMTP when a mail server is
     * set up here (else email messages fail with a reason saying how to set it up).
     */
    public Gateways gateways(VendorGateway simulated) {
        Gateways g = new Gateways(simulated, Optional.empty(), "");
        useMail(g, config::mailSetting);
        return g;
    }

    /** Email through the mail server these settings name (SMTP_HOST …), or failing with how to set one up. */
    public void useMail(Gateways gateways, Function<String, Optional<String>> setting) {
        Mail mail = Mail.of(setting);
        String here = computerName();
        String missing = mail.problem().map(p -> "The mail server settings on " + here + " are wrong: " + p
                + " Correct them, then Send again to failed.").orElse("Email is not set up on " + here + ", which "
                + "delivered it: set the mail server in Settings (or SMTP_HOST and SMTP_FROM), then Send again to failed.");
        gateways.useEmail(mail.settings().map(s -> new SmtpGateway(s, background)), missing);
    }

    /** Mail server settings as read: the settings, or what is wrong with them (both empty: none set). */
    private record Mail(Optional<SmtpSettings> settings, Optional<String> problem) {
        static Mail of(Function<String, Optional<String>> setting) {
            try {
                return new Mail(SmtpSettings.from(setting), Optional.empty());
            } catch (IllegalArgumentException e) {
                return new Mail(Optional.empty(), Optional.of(e.getMessage()));
            }
        }
    }

    /** What is wrong with this computer's mail server settings (empty: right, or none set). */
    public Optional<String> mailProblem() {
        return Mail.of(config::mailSetting).problem();
    }

    /** "smtp.example.com as offers@shop.in": where email goes with these settings, empty when it cannot. */
    public static Optional<String> emailVia(Function<String, Optional<String>> setting) {
        return Mail.of(setting).settings().map(s -> s.host() + " as " + s.fromAddress());
    }

    private static String computerName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "this computer";
        }
    }

    /** Marketing consent: opt-outs and opt-ins again, with when and how. */
    public ConsentService consent() {
        return consent;
    }

    public ExecutorService background() {
        return background;
    }

    /** Team-mode sync (status, pending, conflicts, sync now); in local mode, nothing to sync. */
    public SyncService sync() {
        return sync;
    }

    /**
     * In team mode, {@link #close()} first pushes what this process wrote when MongoDB answers (a
     * command line that wrote on the replica); what cannot be pushed stays pending and
     * {@code notice} is told so in one line.
     */
    public Services pushWhenClosing(java.util.function.Consumer<String> notice) {
        this.closingNotice = notice;
        return this;
    }

    @Override
    public void close() {
        if (closingNotice != null) {
            try {
                sync.pushBeforeClosing().ifPresent(closingNotice);
            } catch (RuntimeException e) {
                closingNotice.accept(e.getMessage());
            }
        }
        if (ownsExecutor) {
            background.shutdownNow();
        }
        store.close();
    }
}
