package com.crmplatform.desktop;

import com.crmplatform.ui.Messages;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Shown while an empty team-mode replica is filled (the first start on a workstation): how far
 * it is, and a way to stop that loses nothing (the copy goes on from there at the next start).
 * Progress arrives from the background; the window appears only when there is something to copy.
 */
final class FirstSyncWindow {

    private final Messages messages;
    private final Runnable stop;
    private Stage stage; // FX thread
    private Label label;
    private ProgressBar bar;
    private boolean closed;

    FirstSyncWindow(Messages messages, Runnable stop) {
        this.messages = messages;
        this.stop = stop;
    }

    /** From any thread. */
    void update(long done, long total) {
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
            bar.setProgress((double) done / total);
            label.setText(messages.get(done >= total ? "firstSync.finishing" : "firstSync.progress", done, total));
        });
    }

    private void open() {
        stage = new Stage();
        stage.setTitle(messages.get("app.title"));
        Label title = new Label(messages.get("firstSync.title"));
        title.getStyleClass().add("title-3");
        label = new Label();
        bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        Button stopButton = new Button(messages.get("firstSync.stop"));
        stopButton.setOnAction(e -> {
            close();
            stop.run();
        });
        Label explain = new Label(messages.get("firstSync.explain"));
        explain.setWrapText(true);
        VBox box = new VBox(12, title, explain, bar, label, stopButton);
        box.setPadding(new Insets(24));
        Scene scene = new Scene(box, 520, 240);
        scene.getStylesheets().add(FirstSyncWindow.class.getResource("/com/crmplatform/ui/app.css").toExternalForm());
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
