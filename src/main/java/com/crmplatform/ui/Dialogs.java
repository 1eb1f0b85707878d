package com.crmplatform.ui;

import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.input.InputEvent;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * How every dialog of the app opens: owned by the window, modal to it, with a title bar that has
 * only Close (a dialog is not minimised or maximised), padded, and centred on its owner once its
 * size is known — never at the screen's corner with its title bar out of reach.
 *
 * <p>Modal the app's own way: while the dialog shows, the owner takes no mouse or key input and
 * cannot be closed. JavaFX's window modality (21.0.11) freezes the owner's size limits while the
 * dialog shows, and some window managers (openbox, KDE) then shrink a maximised window to its
 * restored size (JDK-8332222, fixed in JavaFX 23, which needs Java 21).
 */
public final class Dialogs {

    private static final double CHROME_W = 8;
    private static final double CHROME_H = 36;

    private Dialogs() {
    }

    public static <T extends Dialog<?>> T owned(T dialog, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(owner == null ? Modality.APPLICATION_MODAL : Modality.NONE);
        dialog.initStyle(StageStyle.UTILITY);
        if (owner != null) {
            blockWhileShowing(dialog, owner);
        }
        dialog.getDialogPane().getStyleClass().add("app-dialog");
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> {
            centre(dialog, owner);
            Platform.runLater(() -> centre(dialog, owner)); // again once the window manager has placed it
        });
        return dialog;
    }

    /**
     * A small window of its own (sign-in, first sync) at the size its content needs: kept as its
     * minimum (a size hint window managers honour, where they may replace a plain size with theirs,
     * 200×200 was seen), set again once shown, and centred on the screen.
     */
    public static void sizedWindow(Stage stage, double width, double height) {
        stage.setMinWidth(width);
        stage.setMinHeight(height);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            Platform.runLater(() -> {
                if (stage.getWidth() < width || stage.getHeight() < height) {
                    stage.setWidth(Math.max(stage.getWidth(), width));
                    stage.setHeight(Math.max(stage.getHeight(), height));
                }
                stage.centerOnScreen();
            });
        });
    }

    /** The owner's content takes no input and the owner does not close while the dialog shows. */
    private static void blockWhileShowing(Dialog<?> dialog, Window owner) {
        EventHandler<WindowEvent> keepOpen = e -> {
            e.consume();
            var window = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
            if (window != null) {
                window.requestFocus();
            }
        };
        // Input to the owner is swallowed (its look stays as it is, unlike a disabled window's).
        EventHandler<InputEvent> swallow = Event::consume;
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWING, e -> {
            if (owner.getScene() != null) {
                owner.getScene().addEventFilter(InputEvent.ANY, swallow);
            }
            owner.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, keepOpen);
        });
        dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, e -> {
            if (owner.getScene() != null) {
                owner.getScene().removeEventFilter(InputEvent.ANY, swallow);
            }
            owner.removeEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, keepOpen);
        });
    }

    /** On the owner's middle, kept inside the screen the owner is on (title bar visible). */
    static void centre(Dialog<?> dialog, Window owner) {
        // A window manager may show a dialog at a size of its own (200×200 was seen): a size the
        // dialog asks for is put back, and its minimum is kept as the window's.
        var pane = dialog.getDialogPane();
        Window window = pane.getScene() == null ? null : pane.getScene().getWindow();
        // The title bar and borders, where the window manager says (at least a usual allowance).
        double chromeW = window == null ? 0 : Math.max(CHROME_W, dialog.getWidth() - pane.getWidth());
        double chromeH = window == null ? 0 : Math.max(CHROME_H, dialog.getHeight() - pane.getHeight());
        if (window instanceof Stage stage && pane.getMinWidth() > 0) {
            stage.setMinWidth(pane.getMinWidth() + chromeW);
            stage.setMinHeight(pane.getMinHeight() + chromeH);
        }
        // At least what the content asks for (its own preferred size, or the size set on the pane).
        double needW = Math.max(pane.prefWidth(-1), pane.getPrefWidth() > 0 ? pane.getPrefWidth() : 0);
        double needH = Math.max(pane.prefHeight(needW), pane.getPrefHeight() > 0 ? pane.getPrefHeight() : 0);
        Rectangle2D bounds = owner == null ? Screen.getPrimary().getVisualBounds() : Screen.getScreensForRectangle(owner.getX(),
                owner.getY(), Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight())).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        if (Double.isNaN(dialog.getWidth()) || dialog.getWidth() < needW + chromeW - 1) {
            dialog.setWidth(Math.min(needW + chromeW, bounds.getWidth()));
        }
        if (Double.isNaN(dialog.getHeight()) || dialog.getHeight() < needH + chromeH - 1) {
            dialog.setHeight(Math.min(needH + chromeH, bounds.getHeight()));
        }
        double w = dialog.getWidth();
        double h = dialog.getHeight();
        if (owner == null || Double.isNaN(w) || Double.isNaN(h) || w <= 0 || h <= 0) {
            return;
        }
        double x = owner.getX() + (owner.getWidth() - w) / 2;
        double y = owner.getY() + (owner.getHeight() - h) / 3;
        Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        dialog.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w)));
        dialog.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h)));
    }
}
