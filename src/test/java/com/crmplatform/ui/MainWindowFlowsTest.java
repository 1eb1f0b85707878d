package com.crmplatform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.Services;
import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.config.AppConfig;
import com.crmplatform.customer.Customer;
import com.crmplatform.desktop.MainWindow;
import com.crmplatform.store.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
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

/** The main flows, driven through the real window (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowFlowsTest {

    @TempDir
    static Path dir;
    Services services;
    MainWindow window;
    Path csv;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory(dir, "data");
        services = new Services(new AppConfig(data, Optional.empty()), SqliteStore.open(data), new LocalUser("ann"),
                Clock.systemDefaultZone());
        services.store().customers().insert(TestData.customer("Gita Banerjee", "gita@example.com"));
        csv = data.resolve("import.csv");
        Messages messages = Messages.load(Locale.ENGLISH);
        DialogService real = new FxDialogService(stage, messages);
        DialogService dialogs = new DialogService() {
            @Override
            public boolean confirm(String title, String message, String confirmLabel) {
                return real.confirm(title, message, confirmLabel);
            }

            @Override
            public void showError(String title, String message) {
                real.showError(title, message);
            }

            @Override
            public void notify(String message, String actionLabel, Runnable action) {
                real.notify(message, actionLabel, action);
            }

            @Override
            public Optional<Path> chooseCsvToOpen(String title) {
                return Optional.of(csv); // the operating system's file chooser cannot be driven headless
            }

            @Override
            public Optional<Path> chooseCsvToSave(String title, String suggestedName) {
                return Optional.empty();
            }
        };
        window = new MainWindow(services, stage, messages, Clock.systemDefaultZone(), dialogs);
        window.show(null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::stop).get();
        services.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Customer> customersTable(FxRobot robot) {
        return robot.lookup(".customers-table").queryAs(TableView.class);
    }

    @Test
    void settingsSendsATestEmailThatArrives(FxRobot robot) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        mail.start();
        try {
            robot.clickOn("#settingsButton");
            waitUntil(() -> robot.lookup("#smtpHost").tryQuery().isPresent());
            robot.clickOn(robot.lookup(".tab-pane .tab-label").match((Label l) -> l.getText().equals("Email")).queryLabeled());
            waitUntil(() -> robot.lookup("#smtpHost").query().isVisible());
            robot.clickOn("#smtpHost").write("127.0.0.1");
            robot.interact(() -> robot.lookup("#smtpTls").queryAs(javafx.scene.control.ChoiceBox.class).setValue("none"));
            robot.clickOn("#smtpPort").write(String.valueOf(port));
            robot.clickOn("#smtpFrom").write("offers@shop.example");
            robot.doubleClickOn("#testEmailTo").eraseText(40).write("owner@shop.example");
            robot.clickOn("#testEmailButton");
            assertTrue(mail.waitForIncomingEmail(10_000, 1), "the test email arrived");
            jakarta.mail.internet.MimeMessage got = mail.getReceivedMessages()[0];
            assertEquals("CRM Platform: test email", got.getSubject());
            assertEquals("owner@shop.example", got.getAllRecipients()[0].toString());
            waitUntil(() -> robot.lookup("#emailResult").queryAs(Label.class).getText().startsWith("The mail server took"));
            robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Save")).queryButton());
            waitUntil(() -> robot.lookup("#smtpHost").tryQuery().isEmpty());
            assertEquals(Optional.of("127.0.0.1"), new com.crmplatform.config.SettingsStore(services.config().dataDir())
                    .get("SMTP_HOST"), "saved for delivery");
        } finally {
            mail.stop();
        }
    }

    @Test
    void addACustomerAndFindItBySearch(FxRobot robot) throws Exception {
        waitUntil(() -> customersTable(robot).getItems().size() == 1);
        robot.clickOn("#newButton");
        waitUntil(() -> robot.lookup("#name").tryQuery().isPresent());
        robot.clickOn("#name").write("Harpreet Sandhu");
        robot.clickOn("#email").write("not-an-email");
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Save")).queryButton());
        waitUntil(() -> robot.lookup("#emailError").queryAs(Label.class).getText().contains("not a valid email"));
        robot.doubleClickOn("#email").eraseText(20).write("harpreet@example.com");
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#name").tryQuery().isEmpty());
        robot.clickOn("#searchField").write("sandhu");
        waitUntil(() -> customersTable(robot).getItems().size() == 1
                && customersTable(robot).getItems().get(0).email().equals("harpreet@example.com"));
    }

    @Test
    void aDayFirstDateIsSavedAndTextThatIsNoDateIsRefusedOnTheField(FxRobot robot) throws Exception {
        waitUntil(() -> customersTable(robot).getItems().size() == 1);
        robot.clickOn("#newButton");
        waitUntil(() -> robot.lookup("#name").tryQuery().isPresent());
        robot.clickOn("#name").write("Farah Khan");
        robot.clickOn("#email").write("farah@example.com");
        javafx.scene.control.TextField date = robot.lookup("#lastPurchase").queryAs(javafx.scene.control.DatePicker.class).getEditor();
        robot.clickOn(date).write("15/13/2026");
        robot.type(KeyCode.ENTER); // Enter in the field: the picker would have emptied it
        assertEquals("15/13/2026", date.getText());
        robot.clickOn("#city"); // leaving the field: the picker would have put its old value back
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Save")).queryButton());
        waitUntil(() -> robot.lookup("#lastPurchaseError").queryAs(Label.class).getText().contains("is not a date"));
        assertEquals("15/13/2026", date.getText(), "what was typed is kept");
        assertTrue(services.store().customers().findByEmail("farah@example.com").isEmpty());
        robot.doubleClickOn(date).eraseText(12).write("15/03/2026");
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Save")).queryButton());
        waitUntil(() -> robot.lookup("#name").tryQuery().isEmpty());
        assertEquals(java.time.LocalDate.of(2026, 3, 15),
                services.store().customers().findByEmail("farah@example.com").orElseThrow().lastPurchaseDate());
    }

    @Test
    void addAnOrderAndSeeTheTotalsMove(FxRobot robot) throws Exception {
        waitUntil(() -> customersTable(robot).getItems().size() == 1);
        robot.clickOn("Gita Banerjee");
        waitUntil(() -> robot.lookup("#detailName").queryAs(Label.class).getText().equals("Gita Banerjee"));
        assertEquals("₹0", robot.lookup("#detailSpend").queryAs(Label.class).getText());
        robot.clickOn(robot.lookup(".detail-pane .button").match((Button b) -> b.getText().equals("New order")).queryButton());
        waitUntil(() -> robot.lookup("#amountField").tryQuery().isPresent());
        robot.clickOn("#amountField").write("1,499.50");
        robot.clickOn("#itemsField").write("Silk saree x1");
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Save order")).queryButton());
        waitUntil(() -> robot.lookup("#detailSpend").queryAs(Label.class).getText().equals("₹1,499.50"));
        assertEquals("1", robot.lookup("#detailVisits").queryAs(Label.class).getText());
        waitUntil(() -> customersTable(robot).getItems().get(0).visits() == 1);
    }

    @Test
    void launchIsNotOfferedToNobodyAndGenerateAsksBeforeReplacingConditionsBuiltByHand(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT3).release(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        // the default rule (total spend > 10,000) selects nobody: Gita has spent nothing
        waitUntil(() -> robot.lookup(".audience-size").queryAs(Label.class).getText().equals("0"));
        waitUntil(() -> robot.lookup("#launchButton").queryButton().isDisabled()
                && robot.lookup("#problemLabel").queryAs(Label.class).getText().startsWith("No customer matches"));
        // a condition changed by hand
        robot.doubleClickOn(robot.lookup(".rule-value").nth(0).queryAs(javafx.scene.control.TextField.class)).write("5000");
        waitUntil(() -> robot.lookup(".rule-english").queryAs(Label.class).getText().equals("Total spend > ₹5,000"));
        robot.clickOn("#describeField").write("never bought anything");
        robot.clickOn("#describeButton");
        waitUntil(() -> robot.lookup(".dialog-pane .button").match((Button b) -> "Cancel".equals(b.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "Cancel".equals(b.getText())).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Total spend > ₹5,000", robot.lookup(".rule-english").queryAs(Label.class).getText(), "kept when declined");
        robot.clickOn("#describeButton");
        waitUntil(() -> robot.lookup(".dialog-pane .button").match((Button b) -> "Replace them".equals(b.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "Replace them".equals(b.getText())).queryButton());
        waitUntil(() -> robot.lookup(".rule-english").queryAs(Label.class).getText().equals("Visits = 0"));
        waitUntil(() -> robot.lookup(".audience-size").queryAs(Label.class).getText().equals("1")
                && !robot.lookup("#launchButton").queryButton().isDisabled());
    }

    @Test
    void buildARuleSeeTheCountLaunchAndWatchItDeliver(FxRobot robot) throws Exception {
        for (int i = 0; i < 120; i++) {
            services.store().customers().insert(TestData.customer("Spender " + i, "spender" + i + "@example.com",
                    String.valueOf(5_000 + i * 100), 1 + i % 4, null));
        }
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT3).release(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        // the default rule: total spend > 10,000 -> spenders 51..119
        waitUntil(() -> robot.lookup(".audience-size").queryAs(Label.class).getText().equals("69"));
        robot.clickOn(robot.lookup(".rule-group .button").match((Button b) -> "Condition".equals(b.getText())).queryButton());
        waitUntil(() -> robot.lookup(".rule-english").queryAs(Label.class).getText().contains("Complete or fix"));
        robot.clickOn(robot.lookup(".rule-value").nth(1).queryAs(javafx.scene.control.TextField.class))
                .write("15000");
        waitUntil(() -> robot.lookup(".audience-size").queryAs(Label.class).getText().equals("19"));
        robot.clickOn("#campaignName").write("Top spenders");
        robot.clickOn("#launchButton");
        waitUntil(() -> robot.lookup(".dialog-pane .button").match((Button b) -> "Launch".equals(b.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "Launch".equals(b.getText())).queryButton());
        waitUntil(() -> robot.lookup(".history-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<com.crmplatform.campaign.Campaign> history = robot.lookup(".history-table").queryAs(TableView.class);
        waitUntil(() -> !history.getItems().isEmpty() && history.getItems().get(0).name().equals("Top spenders"));
        waitUntil(() -> {
            var c = history.getItems().get(0);
            return c.audienceSize() == 19 && c.pending() == 0 && c.sent() + c.failed() == 19;
        });
        assertEquals(com.crmplatform.campaign.CampaignStatus.COMPLETED, history.getItems().get(0).status());
        // the communication log follows the figures: no entry still shows as pending
        @SuppressWarnings("unchecked")
        TableView<com.crmplatform.delivery.LogEntry> log = robot.lookup("#logTable").queryAs(TableView.class);
        waitUntil(() -> log.getItems().size() == 19
                && log.getItems().stream().noneMatch(e -> e.status() == com.crmplatform.delivery.DeliveryStatus.PENDING));
    }

    @Test
    void anImportOfAKnownEmailIsPreviewedAsAnUpdateAndLosesNothing(FxRobot robot) throws Exception {
        Customer gita = services.store().customers().findByEmail("gita@example.com").orElseThrow();
        services.store().customers().update(gita.withDetails(new com.crmplatform.customer.CustomerDraft(gita.name(), gita.email(),
                "+91 98200 11111", "Pune", new java.math.BigDecimal("2500.00"), 3, null), gita.audit()), gita.version());
        Files.writeString(csv, "name,email,city\nGita Banerjee,GITA@example.com,Delhi\nIqbal Ahmed,iqbal@example.com,Agra\n");
        waitUntil(() -> customersTable(robot).getItems().size() == 1);
        robot.press(KeyCode.CONTROL).press(KeyCode.I).release(KeyCode.I).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup(".import-summary").queryAs(Label.class).getText().startsWith("Ready"));
        @SuppressWarnings("unchecked")
        TableView<com.crmplatform.importexport.ImportResult.Change> changes = robot.lookup("#changesTable").queryAs(TableView.class);
        assertEquals(2, changes.getItems().size());
        var update = changes.getItems().stream().filter(c -> !c.creates()).findFirst().orElseThrow();
        assertEquals(java.util.List.of("City: Pune → Delhi"), update.changes(), "only the city changes; nothing is blanked");
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Import")).queryButton());
        waitUntil(() -> robot.lookup(".import-summary").queryAs(Label.class).getText().startsWith("Done"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Close")).queryButton());
        waitUntil(() -> customersTable(robot).getItems().size() == 2);
        Customer after = services.store().customers().findByEmail("gita@example.com").orElseThrow();
        assertEquals("Delhi", after.city());
        assertEquals("+91 98200 11111", after.phone());
        assertEquals(0, new java.math.BigDecimal("2500").compareTo(after.totalSpend()));
        assertEquals(3, after.visits());
    }

    @Test
    void importACsvWithBadRowsAndSeeTheRejections(FxRobot robot) throws Exception {
        Files.writeString(csv, "name,email,totalSpend\nIqbal Ahmed,iqbal@example.com,500\n,nameless@example.com,1\n"
                + "Neg Ative,neg@example.com,-3\n");
        waitUntil(() -> customersTable(robot).getItems().size() == 1);
        robot.press(KeyCode.CONTROL).press(KeyCode.I).release(KeyCode.I).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup(".import-summary").queryAs(Label.class).getText().startsWith("Ready"));
        @SuppressWarnings("unchecked")
        TableView<Object> rejected = robot.lookup("#rejectedTable").queryAs(TableView.class);
        assertEquals(2, rejected.getItems().size());
        Node importButton = robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Import")).query();
        robot.clickOn(importButton);
        waitUntil(() -> robot.lookup(".import-summary").queryAs(Label.class).getText().startsWith("Done"));
        assertTrue(robot.lookup(".import-summary").queryAs(Label.class).getText().contains("2 rows rejected"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Close")).queryButton());
        waitUntil(() -> customersTable(robot).getItems().size() == 2);
    }
}
