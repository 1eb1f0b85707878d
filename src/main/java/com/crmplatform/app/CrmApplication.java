package com.crmplatform.app;

import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.config.ConfigLoader;
import com.crmplatform.store.StoreOpener;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.WindowState;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the window: takes the data directory's lock, opens the store off the FX thread, then
 * shows the main window. Anything that stops it is said in a dialog, not a stack trace.
 */
final class CrmApplication {

    private static final Logger LOG = LoggerFactory.getLogger(CrmApplication.class);

    private CrmApplication() {
    }

    static void start(ConfigLoader loader, String[] args) {
        AppConfig config = loader.load(null, null);
        Messages messages = Messages.load(Locale.getDefault());
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            InstanceLock lock;
            try {
                lock = InstanceLock.acquire(config.dataDir());
            } catch (RuntimeException e) {
                Platform.runLater(() -> fail(messages, e)); // after start-up, so the dialog can paint
                return;
            }
            ExecutorService background = BackgroundExecutor.create();
            CompletableFuture.supplyAsync(() -> StoreOpener.open(config), background).whenComplete((store, error) -> Platform.runLater(() -> {
                if (error != null) {
                    background.shutdownNow();
                    lock.close();
                    fail(messages, error.getCause() != null ? error.getCause() : error);
                    return;
                }
                Services services = new Services(config, store, LocalUser.fromSystem(), Clock.systemDefaultZone(),
                        background);
                Stage stage = new Stage();
                MainWindow window = new MainWindow(services, stage, messages, Clock.systemDefaultZone())
                        .withEnvironment(name -> loader.environmentOnly(name));
                stage.setOnHidden(e -> {
                    window.stop();
                    services.close();
                    lock.close();
                    Platform.exit();
                });
                window.show(new WindowState(config.dataDir()));
                LOG.info("window open on {}", store.description());
            }));
        });
    }

    private static void fail(Messages messages, Throwable e) {
        LOG.error("cannot start", e);
        Alert alert = new Alert(Alert.AlertType.ERROR, messages.describe(e), ButtonType.CLOSE);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(messages.get("startup.failed"));
        alert.showAndWait();
        Platform.exit();
    }
}
