package com.crmplatform.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.crmplatform.app.Services;
import com.crmplatform.campaign.ui.CampaignBuilderView;
import com.crmplatform.campaign.ui.CampaignBuilderViewModel;
import com.crmplatform.campaign.ui.HistoryView;
import com.crmplatform.campaign.ui.HistoryViewModel;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.ui.CustomerDialogs;
import com.crmplatform.customer.ui.CustomerFormView;
import com.crmplatform.customer.ui.CustomerFormViewModel;
import com.crmplatform.customer.ui.CustomersView;
import com.crmplatform.customer.ui.CustomersViewModel;
import com.crmplatform.importexport.ui.ImportView;
import com.crmplatform.importexport.ui.ImportViewModel;
import com.crmplatform.order.ui.OrderDialogs;
import com.crmplatform.order.ui.OrderFormView;
import com.crmplatform.order.ui.OrderFormViewModel;
import com.crmplatform.order.ui.OrdersView;
import com.crmplatform.order.ui.OrdersViewModel;
import com.crmplatform.ui.Debouncer;
import com.crmplatform.ui.DialogService;
import com.crmplatform.ui.FxDialogService;
import com.crmplatform.ui.FxUiExecutor;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.Screen;
import com.crmplatform.ui.ShellView;
import com.crmplatform.ui.ShellViewModel;
import com.crmplatform.ui.WindowState;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The composition root of the window: builds every view-model and view by constructor, on the
 * services the app (or a test) opened.
 */
public final class MainWindow implements CustomerDialogs, OrderDialogs {

    private final Services services;
    private final Stage stage;
    private final Messages messages;
    private final Clock clock;
    private final FxUiExecutor executor;
    private final DialogService dialogs;
    private final ShellViewModel shellViewModel;
    private final ShellView shell;
    private final ShellView[] shellRef = new ShellView[1];
    private final DeliveryInBackground delivery;
    /** Where campaign emails go from this computer ("smtp.example.com as offers@shop.in"), empty: nowhere yet. */
    private final javafx.beans.property.ObjectProperty<java.util.Optional<String>> emailVia =
            new javafx.beans.property.SimpleObjectProperty<>(java.util.Optional.empty());

    public MainWindow(Services services, Stage stage, Messages messages, Clock clock) {
        this(services, stage, messages, clock, new FxDialogService(stage, messages));
    }

    /** @param dialogs how the window asks the user things (tests answer the file chooser) */
    public MainWindow(Services services, Stage stage, Messages messages, Clock clock, DialogService dialogs) {
        this.services = services;
        this.stage = stage;
        this.messages = messages;
        this.clock = clock;
        this.executor = new FxUiExecutor(services.background());
        this.dialogs = dialogs;
        this.delivery = new DeliveryInBackground(services);
        emailVia.set(Services.emailVia(services.config()::mailSetting));
        this.shellViewModel = new ShellViewModel(services.store(), services.sync(), services.user(), executor,
                executor.runningProperty(), messages);
        Map<ShellView.Nav, Screen> screens = new EnumMap<>(ShellView.Nav.class);
        screens.put(ShellView.Nav.CUSTOMERS, new CustomersView(
                new CustomersViewModel(services.customers(), services.orders(), services.customerRemovals(),
                        services.exporter(), services.demoData(), executor, dialogs, this, messages)
                        .withConsent(services.consent()), messages));
        screens.put(ShellView.Nav.ORDERS, new OrdersView(
                new OrdersViewModel(services.orders(), services.exporter(), executor, dialogs, this, messages), messages, services.customers(), executor));
        HistoryView history = new HistoryView(new HistoryViewModel(services.campaigns(),
                executor, dialogs, messages).withAssistant(services.assistant()).onResent(delivery::wake), messages);
        CampaignBuilderViewModel builder = new CampaignBuilderViewModel(services.segments(), services.campaigns(), executor, dialogs, messages,
                Debouncer.fx(javafx.util.Duration.millis(300)), clock, services.user().id(), services.ruleGenerator())
                .withAssistant(services.assistant())
                .withEmail(emailVia)
                .withCountOnReplica(services.sync().teamMode()
                        ? () -> java.util.Optional.ofNullable(services.sync().status().lastSync()) : null)
                .withLookalikes(new com.crmplatform.ai.LookalikeFinder(services.store().audience()))
                .withSendTimeAdvice(rule -> services.assistant().bestSendTime(services.store().orders()
                        .purchaseMoments(rule, java.time.LocalDate.now(clock), 20_000), clock.getZone()));
        screens.put(ShellView.Nav.CAMPAIGNS, new CampaignBuilderView(builder, messages, launched -> {
            delivery.wake();
            history.show(launched);
            shellRef[0].select(ShellView.Nav.HISTORY);
        }));
        screens.put(ShellView.Nav.HISTORY, history);
        this.shell = new ShellView(shellViewModel, messages, screens);
        shellRef[0] = shell;
        shell.setOnSettings(this::openSettings);
    }

    /** Shows the window; {@code state} (may be null in tests) restores size, position and theme. */
    public void show(WindowState state) {
        Scene scene = new Scene(shell.node(), 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("/com/crmplatform/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            var icon = MainWindow.class.getResourceAsStream("/com/crmplatform/ui/icon-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        shellViewModel.darkThemeProperty().addListener((o, a, dark) -> applyTheme(dark));
        shellViewModel.darkThemeProperty().set(state != null && state.darkTheme());
        applyTheme(shellViewModel.darkThemeProperty().get());
        if (state != null) {
            state.restore(stage);
            stage.setOnHiding(e -> state.save(stage, shellViewModel.darkThemeProperty().get()));
        }
        shell.installShortcuts();
        shellViewModel.startHeartbeat();
        delivery.start();
        stage.show();
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private java.util.function.Function<String, java.util.Optional<String>> environment = name -> java.util.Optional.empty();

    /** Adds Sign out to the top bar. */
    public MainWindow withSignOut(Runnable signOut) {
        shell.setOnSignOut(signOut);
        return this;
    }

    /** Where the Settings dialog learns which settings the environment already sets. */
    public MainWindow withEnvironment(java.util.function.Function<String, java.util.Optional<String>> lookup) {
        this.environment = lookup;
        return this;
    }

    private void openSettings() {
        SettingsDialog.show(stage, services.config().dataDir(), environment, executor, services.background(), messages,
                services.store().description(), shellViewModel.darkThemeProperty(), groq -> {
                    var settings = com.crmplatform.ai.GroqSettings.of(groq.apiKey(), groq.baseUrl(), groq.model());
                    services.ruleGenerator().configure(settings);
                    services.assistant().configure(settings);
                }, mail -> {
                    delivery.useMail(mail);
                    emailVia.set(Services.emailVia(mail));
                }, () -> { });
    }

    public ShellView shell() {
        return shell;
    }

    public void stop() {
        shellViewModel.stop();
        delivery.stop();
    }

    @Override
    public void editCustomer(Customer customer, java.util.function.Consumer<Customer> onSaved) {
        new CustomerFormView(new CustomerFormViewModel(services.customers(), executor, messages, customer), messages)
                .showDialog(stage, onSaved);
    }

    @Override
    public void importCsv(Runnable onImported) {
        dialogs.chooseCsvToOpen(messages.get("import.choose")).ifPresent(file -> {
            ImportViewModel vm = new ImportViewModel(services.customerImporter()::preview,
                    services.customerImporter()::importFile, executor, messages, ImportViewModel.fxThread());
            new ImportView(vm, messages, "import.title").showDialog(stage, file, onImported);
        });
    }

    @Override
    public void importOrdersCsv(Runnable onImported) {
        dialogs.chooseCsvToOpen(messages.get("import.orders.choose")).ifPresent(file -> {
            ImportViewModel vm = new ImportViewModel(services.orderImporter()::preview,
                    services.orderImporter()::importFile, executor, messages, ImportViewModel.fxThread());
            new ImportView(vm, messages, "import.orders.title").showDialog(stage, file, onImported);
        });
    }

    @Override
    public void newOrder(Customer customer, Runnable onSaved) {
        OrderFormViewModel vm = new OrderFormViewModel(services.orders(), executor, messages, clock, customer);
        new OrderFormView(vm, messages, services.customers(), executor).showDialog(stage, onSaved);
    }
}
