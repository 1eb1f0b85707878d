package com.crmplatform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.crmplatform.app.ReplicaStore;
import com.crmplatform.app.Services;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.desktop.MainWindow;
import com.crmplatform.sync.StandInBehindProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Team mode in the real window: the network goes, a customer is added, "1 pending"; it comes back, and it is synced. */
@ExtendWith(ApplicationExtension.class)
class OfflineWindowFlowTest {

    @TempDir
    static Path dir;
    StandInBehindProxy team;
    Services services;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        team = new StandInBehindProxy();
        String url = team.url("crm-window");
        Path data = Files.createTempDirectory(dir, "data");
        services = new Services(new AppConfig(data, Optional.of(url)), ReplicaStore.open(url, data, Clock.systemUTC(),
                (d, t) -> { }), new LocalUser("ann"), Clock.systemDefaultZone());
        Messages messages = Messages.load(Locale.ENGLISH);
        window = new MainWindow(services, stage, messages, Clock.systemDefaultZone(), new FxDialogService(stage, messages));
        window.show(null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::stop).get();
        services.close();
        team.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aCustomerAddedOfflineIsPendingAndSyncedWhenTheNetworkComesBack(FxRobot robot) throws Exception {
        Label connection = robot.lookup("#connectionLabel").queryAs(Label.class);
        Hyperlink pending = robot.lookup("#pendingLink").queryAs(Hyperlink.class);
        waitUntil(() -> connection.getText().contains("Online"));

        team.cut();
        long cutAt = System.nanoTime();
        waitUntil(() -> connection.getText().contains("Offline"));
        long noticedMs = (System.nanoTime() - cutAt) / 1_000_000;
        org.junit.jupiter.api.Assertions.assertTrue(noticedMs < 3_000, "offline shown after " + noticedMs + " ms");

        robot.clickOn("#newButton");
        waitUntil(() -> robot.lookup("#name").tryQuery().isPresent());
        robot.clickOn("#name").write("Farah Khan");
        robot.clickOn("#email").write("farah@example.com");
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Save")).queryButton());
        waitUntil(() -> robot.lookup("#name").tryQuery().isEmpty());
        waitUntil(() -> pending.getText().equals("1 pending"));
        assertEquals(0, team.central("crm-window").getCollection("customers").countDocuments());

        team.restore();
        waitUntil(() -> connection.getText().contains("Online") && pending.getText().equals("0 pending"));
        assertEquals(1, team.central("crm-window").getCollection("customers")
                .countDocuments(new Document("email", "farah@example.com")));
        Label lastSync = robot.lookup("#lastSyncLabel").queryAs(Label.class);
        org.junit.jupiter.api.Assertions.assertTrue(lastSync.getText().startsWith("Synced "), lastSync.getText());
    }
}
