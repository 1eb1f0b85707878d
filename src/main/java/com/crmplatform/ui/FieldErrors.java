package com.crmplatform.ui;

import java.util.Map;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/** Shows a form view-model's field errors: the message under the field, the field marked invalid. */
public final class FieldErrors {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private FieldErrors() {
    }

    /** @param form the form's root; its window grows to fit messages that wrap */
    public static <K> void bind(ObservableMap<K, String> errors, Map<K, Label> labels, Map<K, Control> fields, Node form) {
        errors.addListener((MapChangeListener<K, String>) change -> {
            K key = change.getKey();
            String text = errors.get(key);
            labels.get(key).setText(text == null ? "" : text);
            fields.get(key).pseudoClassStateChanged(INVALID, text != null);
            Platform.runLater(() -> {
                if (form.getScene() != null && form.getScene().getWindow() != null) {
                    form.getScene().getWindow().sizeToScene();
                }
            });
        });
    }
}
