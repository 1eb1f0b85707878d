package com.crmplatform.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's size, position and theme between runs, in the data directory. */
public final class WindowState {

    private final Path file;
    private final Properties values = new Properties();

    public WindowState(Path dataDir) {
        this.file = dataDir.resolve("window.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                values.clear(); // a damaged file only costs the remembered size
            }
        }
    }

    /** Puts the stage where it was, if that place is still on a screen; else a comfortable default. */
    public void restore(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(number("width", 1280), screen.getWidth());
        double h = Math.min(number("height", 800), screen.getHeight());
        double x = number("x", Double.NaN);
        double y = number("y", Double.NaN);
        stage.setWidth(w);
        stage.setHeight(h);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.min(w, 200), Math.min(h, 100))).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        // First start: the whole screen (some window managers replace a size set before the window
        // is shown by their own, the window's minimum); later starts: as it was left, set again once shown.
        boolean first = values.getProperty("width") == null;
        stage.setMaximized(first || Boolean.parseBoolean(values.getProperty("maximized", "false")));
        if (!stage.isMaximized()) {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> {
                if (stage.getWidth() < w - 1 || stage.getHeight() < h - 1) {
                    stage.setWidth(w);
                    stage.setHeight(h);
                }
            });
        }
    }

    public boolean darkTheme() {
        return Boolean.parseBoolean(values.getProperty("dark", "false"));
    }

    public void save(Stage stage, boolean dark) {
        if (!stage.isMaximized() && !stage.isIconified()) {
            values.setProperty("width", String.valueOf(stage.getWidth()));
            values.setProperty("height", String.valueOf(stage.getHeight()));
            values.setProperty("x", String.valueOf(stage.getX()));
            values.setProperty("y", String.valueOf(stage.getY()));
        }
        values.setProperty("maximized", String.valueOf(stage.isMaximized()));
        values.setProperty("dark", String.valueOf(dark));
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                values.store(out, "CRM Platform window");
            }
            com.crmplatform.config.PrivateFiles.restrict(file);
        } catch (IOException e) {
            // not worth bothering the user over a window position
        }
    }

    private double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
