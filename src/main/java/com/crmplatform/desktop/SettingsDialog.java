package com.crmplatform.desktop;

import com.crmplatform.app.MongoStore;
import com.crmplatform.config.SettingsStore;
import com.crmplatform.delivery.SmtpGateway;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.SettingsView;
import com.crmplatform.ui.SettingsViewModel;
import com.crmplatform.ui.UiExecutor;
import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.stage.Window;
import org.slf4j.LoggerFactory;

/** Builds the Settings dialog with what it needs from outside the UI: connection test, folders, versions. */
final class SettingsDialog {

    private SettingsDialog() {
    }

    /**
     * @param storeInUse    what the status bar says about the store in use, for the About line
     * @param applyGroq     applies saved Groq settings at once
     * @param closed        runs when the dialog has gone
     */
    static void show(Window owner, Path dataDir, Function<String, Optional<String>> environment, UiExecutor ui,
                     ExecutorService background, Messages messages, String storeInUse, javafx.beans.property.BooleanProperty darkTheme,
                     Consumer<SettingsViewModel.Groq> applyGroq,
                     Consumer<Function<String, Optional<String>>> applyMail, Runnable closed) {
        String version = Optional.ofNullable(SettingsDialog.class.getPackage().getImplementationVersion()).orElse("(development)");
        String about = messages.get("settings.aboutText", version, System.getProperty("java.version"),
                System.getProperty("javafx.version", "?"), storeInUse);
        SettingsViewModel vm = new SettingsViewModel(new SettingsStore(dataDir), environment, ui, messages, applyGroq)
                .withSystem(address -> MongoStore.test(address, 4_000), dataDir, folder -> background.execute(() -> open(folder)),
                        about).withTheme(darkTheme).withMailApplied(applyMail).withMailTest((smtp, to) -> {
                            try (SmtpGateway mail = new SmtpGateway(smtp, background)) {
                                return mail.sendTest(to);
                            }
                        });
        new SettingsView(vm, messages).showDialog(owner, closed);
    }

    /** The system's file manager on the folder (the desktop's, else xdg-open). */
    private static void open(Path folder) {
        File f = folder.toFile();
        try {
            f.mkdirs();
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(f);
            } else {
                new ProcessBuilder("xdg-open", f.getAbsolutePath()).start();
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(SettingsDialog.class).warn("cannot open {}", folder, e);
        }
    }
}
