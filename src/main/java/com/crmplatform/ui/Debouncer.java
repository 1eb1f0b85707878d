package com.crmplatform.ui;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Runs an action once things have been quiet for a while; tests run it at once. */
public interface Debouncer {

    /** (Re)starts the wait; {@code action} runs on the FX thread when it ends. */
    void trigger(Runnable action);

    static Debouncer fx(Duration quiet) {
        PauseTransition pause = new PauseTransition(quiet);
        return action -> {
            pause.setOnFinished(e -> action.run());
            pause.playFromStart();
        };
    }

    static Debouncer immediate() {
        return Runnable::run;
    }
}
