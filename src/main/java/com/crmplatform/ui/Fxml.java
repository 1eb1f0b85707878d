package com.crmplatform.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the FXML of the same name and package as a view class, with that view as its controller. */
public final class Fxml {

    private Fxml() {
    }

    public static <T extends Parent> T load(Object view, Messages messages) {
        Class<?> type = view.getClass();
        URL url = type.getResource(type.getSimpleName() + ".fxml");
        if (url == null) {
            throw new IllegalStateException("no FXML for " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(url, messages.bundle());
        loader.setControllerFactory(requested -> {
            if (!requested.isInstance(view)) {
                throw new IllegalStateException(url + " names " + requested + ", expected " + type);
            }
            return view;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
