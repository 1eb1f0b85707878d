package com.crmplatform.desktop;

import com.crmplatform.app.OpeningProgress;
import com.crmplatform.ui.Messages;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Shown while the store opens slowly: while an empty team-mode replica is filled (the first start
 * on a workstation: how far it is, and a way to stop that loses nothing, as the copy goes on from
 * there at the next start), or while a file written by an earlier version is upgraded (once).
 * Progress arrives from the background; the window appears only when there is something to copy,
 * or when an upgrade is still running after half a second.
 */
final class OpeningWindow implements OpeningProgress {

    private static final Duration UPGRADE_SHOWN_AFTER = Duration.millis(500);

    private final Messages messages;
    private final Runnable stop;
    private Stage stage; // FX thread
    private Label title;
    private Label explain;
    private Label label;
    private ProgressBar bar;
    private Button stopButton;
    private boolean copying;
    private boolean closed;

    OpeningWindow(Messages messages, Runnable stop) {
        this.messages = messages;
        this.stop = stop;
    }

    /** From any thread. */
    @Override
    public void update(long done, long total) {
        if (total <= 0) {
            return;
        }
        Platform.runLater(() -> {
            if (closed) {
                return;
            }
            if (stage == null) {
                open();
            }
            if (!copying) {
                copying = true;
                show("firstSync.title", "firstSync.explain", true);
            }
            bar.setProgress((double) done / total);
            label.setText(messages.get(done >= total ? "firstSync.finishing" : "firstSync.progress", done, total));
        });
    }

    /** From any thread: a file written by an earlier version is being upgraded. */
    @Override
    public void upgrading() {
        Platform.runLater(() -> {
            PauseTransition wait = new PauseTransition(UPGRADE_SHOWN_AFTER);
            wait.setOnFinished(e -> {
                if (closed || stage != null) {
                    return; // opened already, or a first sync's progress took the window
                }
                open();
                show("upgrade.title", "upgrade.explain", false);
                bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
                label.setText("");
            });
            wait.play();
        });
    }

    private void show(String titleKey, String explainKey, boolean stoppable) {
        title.setText(messages.get(titleKey));
        explain.setText(messages.get(explainKey));
        stopButton.setVisible(stoppable);
        stopButton.setManaged(stoppable);
    }

    private void open() {
        stage = new Stage();
        stage.setTitle(messages.get("app.title"));
        title = new Label();
        title.getStyleClass().add("title-3");
        label = new Label();
        bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        stopButton = new Button(messages.get("firstSync.stop"));
        stopButton.setOnAction(e -> {
            close();
            stop.run();
        });
        explain = new Label();
        explain.setWrapText(true);
        VBox box = new VBox(12, title, explain, bar, label, stopButton);
        box.setPadding(new Insets(24));
        Scene scene = new Scene(box, 520, 240);
        scene.getStylesheets().add(OpeningWindow.class.getResource("/com/crmplatform/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> stop.run());
        com.crmplatform.ui.Dialogs.sizedWindow(stage, 540, 280);
        stage.show();
    }

    /** On the FX thread. */
    void close() {
        closed = true;
        if (stage != null) {
            stage.close();
        }
    }
}
