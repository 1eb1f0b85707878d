package com.crmplatform.desktop;

import atlantafx.base.theme.PrimerLight;
import com.crmplatform.app.BackgroundExecutor;
import com.crmplatform.app.Services;
import com.crmplatform.app.StoreOpener;
import com.crmplatform.auth.BrowserOpener;
import com.crmplatform.auth.CurrentUser;
import com.crmplatform.auth.GoogleSignIn;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.auth.SessionManager;
import com.crmplatform.auth.SignInConfig;
import com.crmplatform.auth.TokenStore;
import com.crmplatform.config.AppConfig;
import com.crmplatform.config.ConfigLoader;
import com.crmplatform.ui.FxUiExecutor;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.SignInView;
import com.crmplatform.ui.SignInViewModel;
import com.crmplatform.ui.WindowState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the window: takes the data directory's lock; with sign-in configured, finds the stored
 * session or shows the sign-in screen (every screen with data needs a session); then opens the
 * store off the FX thread and shows the main window. Anything that stops it is said in a dialog.
 */
final class CrmApplication {

    private static final Logger LOG = LoggerFactory.getLogger(CrmApplication.class);

    private final ConfigLoader loader;
    private final AppConfig config;
    private final Messages messages;
    private final Clock clock = Clock.systemDefaultZone();
    private final Optional<GoogleSignIn.Settings> auth;
    private InstanceLock lock;
    /** The one executor for background work, for the whole life of the app (windows come and go). */
    private final ExecutorService background = BackgroundExecutor.create();

    private boolean smokeTest;
    private final Path dataDirOption;
    private final String dbOption;

    private CrmApplication(ConfigLoader loader, Path dataDirOption, String dbOption) {
        this.loader = loader;
        this.dataDirOption = dataDirOption;
        this.dbOption = dbOption;
        this.config = loader.load(dataDirOption, dbOption);
        this.messages = Messages.load(Locale.getDefault());
        this.auth = SignInConfig.signIn(loader, config.dataDir());
    }

    /**
     * @param dataDirOption {@code --data-dir}, or null
     * @param dbOption      {@code --db}, or null
     */
    static void start(ConfigLoader loader, Path dataDirOption, String dbOption) {
        start(loader, dataDirOption, dbOption, false);
    }

    /** @param smokeTest open the main window, close it and exit 0 (1 when it cannot start) */
    static void start(ConfigLoader loader, Path dataDirOption, String dbOption, boolean smokeTest) {
        CrmApplication app = new CrmApplication(loader, dataDirOption, dbOption);
        app.smokeTest = smokeTest;
        Platform.setImplicitExit(false); // signing out closes the main window without ending the app
        Platform.startup(app::begin);
    }

    private void begin() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        try {
            lock = InstanceLock.acquire(config.dataDir());
        } catch (RuntimeException e) {
            Platform.runLater(() -> fail(e)); // after start-up, so the dialog can paint
            return;
        }
        if (auth.isEmpty()) {
            openMain(LocalUser.fromSystem(), Optional.empty(), config);
            return;
        }
        SessionManager sessions = sessions();
        CompletableFuture.supplyAsync(sessions::current, background).whenComplete((current, error) -> Platform.runLater(() -> {
            if (current != null && current.isPresent()) {
                openMain(current.get(), Optional.of(sessions), config);
            } else {
                showSignIn();
            }
        }));
    }

    private SessionManager sessions() {
        return new SessionManager(auth.orElseThrow(), new TokenStore(config.dataDir()), Clock.systemUTC(), SignInConfig.offlineGrace(loader));
    }

    private void showSignIn() {
        Stage stage = new Stage();
        GoogleSignIn signIn = new GoogleSignIn(auth.orElseThrow(), new TokenStore(config.dataDir()), Clock.systemUTC(), background);
        SignInViewModel vm = new SignInViewModel(signIn, new BrowserOpener(loader.environment()), new FxUiExecutor(background),
                messages, current -> {
                    stage.setOnHidden(null);
                    stage.close();
                    openMain(current, Optional.of(sessions()), config);
                }, SignInViewModel.fx());
        Scene scene = new Scene(new SignInView(vm, messages).node(), 640, 460);
        scene.getStylesheets().add(CrmApplication.class.getResource("/com/crmplatform/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        var icon = CrmApplication.class.getResourceAsStream("/com/crmplatform/ui/icon-64.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        com.crmplatform.ui.Dialogs.sizedWindow(stage, 640, 460);
        stage.setOnHidden(e -> {
            vm.cancel();
            Platform.runLater(this::exit); // after the hiding has finished: exiting inside it breaks it
        });
        stage.show();
    }

    private void openMain(CurrentUser user, Optional<SessionManager> sessions, AppConfig config) {
        OpeningWindow opening = new OpeningWindow(messages, this::exit);
        CompletableFuture.supplyAsync(() -> StoreOpener.open(config, opening, background), background)
                .whenComplete((store, error) -> Platform.runLater(() -> {
            opening.close();
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                if (config.usesMongo()) {
                    chooseAfterFailure(cause, user, sessions, config); // never a dead end: settings, local store, or quit
                } else {
                    fail(cause);
                }
                return;
            }
            Services services = new Services(config, store, user, clock, background);
            Stage stage = new Stage();
            MainWindow window = new MainWindow(services, stage, messages, clock).withEnvironment(loader::environmentOnly);
            boolean[] signingOut = {false};
            sessions.ifPresent(s -> window.withSignOut(() -> {
                background.execute(s.signOutLocally()); // revocation needs the network: never on the FX thread
                signingOut[0] = true;
                stage.close();
            }));
            stage.setOnHidden(e -> {
                window.stop();
                services.close();
                if (signingOut[0]) {
                    showSignIn();
                } else {
                    Platform.runLater(this::exit); // after the hiding has finished: exiting inside it breaks it
                }
            });
            window.show(new WindowState(config.dataDir()));
            LOG.info("window open on {} as {}", store.description(), user.id());
            if (smokeTest) { // an installed launcher's check: the window opened and loaded; close it and end well
                System.out.println("window opened " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                        + " ms after start");
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.5));
                settle.setOnFinished(e -> stage.close());
                settle.play();
            }
        }));
    }

    private void exit() {
        background.shutdown();
        if (lock != null) {
            lock.close();
        }
        Platform.exit();
    }

    /**
     * The central database could not be opened: the user may correct the address in Settings (and
     * try again), work on the local store this time, or quit.
     */
    private void chooseAfterFailure(Throwable e, CurrentUser user, Optional<SessionManager> sessions, AppConfig config) {
        LOG.warn("cannot open the central database", e);
        ButtonType local = new ButtonType(messages.get("startup.useLocal"), ButtonBar.ButtonData.OK_DONE);
        ButtonType settings = new ButtonType(messages.get("startup.openSettings"), ButtonBar.ButtonData.OTHER);
        ButtonType quit = new ButtonType(messages.get("startup.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.ERROR, messages.describe(e), local, settings, quit);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(messages.get("startup.centralFailed"));
        alert.getDialogPane().setPrefWidth(640); // three choices in words, none cut
        for (ButtonType b : alert.getButtonTypes()) {
            ButtonBar.setButtonUniformSize(alert.getDialogPane().lookupButton(b), false);
        }
        ButtonType chosen = alert.showAndWait().orElse(quit);
        StartupChoices.Choice choice = chosen == local ? StartupChoices.Choice.USE_LOCAL
                : chosen == settings ? StartupChoices.Choice.OPEN_SETTINGS : StartupChoices.Choice.QUIT;
        if (choice == StartupChoices.Choice.OPEN_SETTINGS) {
            SettingsDialog.show(null, config.dataDir(), loader::environmentOnly, new FxUiExecutor(background), background,
                    messages, messages.describe(e), new javafx.beans.property.SimpleBooleanProperty(), groq -> { },
                    mail -> { }, () -> retry(choice, user, sessions, config));
        } else {
            retry(choice, user, sessions, config);
        }
    }

    private void retry(StartupChoices.Choice choice, CurrentUser user, Optional<SessionManager> sessions, AppConfig config) {
        StartupChoices.next(choice, config, () -> loader.load(dataDirOption, dbOption))
                .ifPresentOrElse(next -> openMain(user, sessions, next), this::exit);
    }

    private void fail(Throwable e) {
        LOG.error("cannot start", e);
        if (smokeTest) {
            System.err.println("smoke test failed: " + messages.describe(e));
            System.exit(1);
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, messages.describe(e), ButtonType.CLOSE);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(messages.get("startup.failed"));
        alert.showAndWait();
        exit();
    }
}
