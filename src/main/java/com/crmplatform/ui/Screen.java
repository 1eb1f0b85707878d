package com.crmplatform.ui;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/** A screen the shell shows in its content area. */
public interface Screen {

    Node node();

    /** The bundle key of the screen's title. */
    String titleKey();

    /** Called each time the shell shows the screen. */
    default void shown() {
    }

    /** The screen's keyboard shortcuts, active while it is shown. */
    default Map<KeyCombination, Runnable> shortcuts() {
        return Map.of();
    }
}
