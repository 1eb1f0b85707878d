package com.crmplatform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.crmplatform.app.Services;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.customer.Customer;
import com.crmplatform.desktop.MainWindow;
import com.crmplatform.store.Money;
import com.crmplatform.store.StoreFixture;
import com.crmplatform.store.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the MongoDB stand-in: paging past the first page and refreshing it. */
@ExtendWith(ApplicationExtension.class)
class MongoWindowFlowTest {

    @TempDir
    static Path dir;
    StoreFixture.MongoFixture mongo;
    Services services;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory(dir, "data");
        mongo = StoreFixture.mongo();
        services = new Services(new AppConfig(data, Optional.empty()), mongo.store(), new LocalUser("ann"), Clock.systemDefaultZone());
        List<Customer> list = new ArrayList<>();
        for (int i = 0; i < 150; i++) { // ids ending in 0 and a, where the old refresh broke
            String id = String.format("%023x", 32768 + i) + (i % 2 == 0 ? "0" : "a");
            list.add(new Customer(id, String.format("Person %03d", i), "w" + i + "@example.com", "", "", Money.ZERO, 0, null,
                    TestData.AUDIT));
        }
        services.store().customers().insertAbsent(list);
        Messages messages = Messages.load(Locale.ENGLISH);
        window = new MainWindow(services, stage, messages, Clock.systemDefaultZone(), new FxDialogService(stage, messages));
        window.show(null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::stop).get();
        services.close();
        mongo.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSecondPageOfCustomersRefreshesOnMongoDb(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Customer> table = robot.lookup(".customers-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 100);
        robot.clickOn("#nextButton");
        waitUntil(() -> table.getItems().size() == 50 && table.getItems().get(0).name().equals("Person 100"));
        services.store().customers().insert(TestData.customer("Person 100b", "added@example.com")); // someone else adds one
        robot.clickOn(table).press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(() -> table.getItems().size() == 51 && table.getItems().get(1).name().equals("Person 100b"));
        assertEquals("Person 100", table.getItems().get(0).name(), "the same page, from its first row");
        assertEquals("", robot.lookup("#messageLabel").queryAs(Label.class).getText(), "no error after the refresh");
    }
}
