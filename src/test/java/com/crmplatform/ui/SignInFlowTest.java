package com.crmplatform.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.Services;
import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.FakeOidcAccess;
import com.crmplatform.auth.GoogleSignIn;
import com.crmplatform.auth.TokenStore;
import com.crmplatform.config.AppConfig;
import com.crmplatform.desktop.MainWindow;
import com.crmplatform.store.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** From the sign-in screen, through a fake provider and a scripted browser, to the customers screen. */
@ExtendWith(ApplicationExtension.class)
class SignInFlowTest {

    @TempDir
    static Path dir;
    FakeOidcAccess provider;
    Services services;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        provider = new FakeOidcAccess();
        Path data = Files.createTempDirectory(dir, "data");
        Messages messages = Messages.load(Locale.ENGLISH);
        GoogleSignIn signIn = new GoogleSignIn(new GoogleSignIn.Settings(provider.issuer(), provider.clientId(), Optional.of("s"),
                List.of(), Duration.ofSeconds(20)), new TokenStore(data), Clock.systemUTC(), Executors.newCachedThreadPool());
        SignInViewModel vm = new SignInViewModel(signIn, FakeOidcAccess.BROWSER,
                new FxUiExecutor(Executors.newCachedThreadPool()), messages, current -> {
                    services = new Services(new AppConfig(data, Optional.empty()), SqliteStore.open(data), current,
                            Clock.systemDefaultZone());
                    services.store().customers().insert(TestData.customer("Gita Banerjee", "gita@example.com"));
                    window = new MainWindow(services, stage, messages, Clock.systemDefaultZone()).withSignOut(() -> { });
                    window.show(null);
                }, SignInViewModel.fx());
        stage.setScene(new Scene(new SignInView(vm, messages).node()));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::stop).get();
        }
        if (services != null) {
            services.close();
        }
        provider.close();
    }

    @Test
    void signingInLeadsToTheCustomersOfTheSignedInUser(FxRobot robot) throws Exception {
        robot.clickOn("Sign in with Google");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".customers-table").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(".customers-table").queryAs(TableView.class).getItems().size() == 1);
        String user = robot.lookup(".user-label").queryAs(Label.class).getText();
        assertTrue(user.contains("asha@shop.example.in"), user);
        assertTrue(robot.lookup("Sign out").tryQuery().isPresent());
    }
}
