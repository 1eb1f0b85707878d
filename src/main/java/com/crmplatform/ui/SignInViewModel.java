package com.crmplatform.ui;

import com.crmplatform.auth.GoogleSignIn;
import com.crmplatform.auth.SessionManager;
import com.crmplatform.auth.TokenStore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The sign-in screen: starts the browser flow in the background, shows the link to copy, can be cancelled. */
public final class SignInViewModel {

    private final GoogleSignIn signIn;
    private final Consumer<String> browser;
    private final UiExecutor executor;
    private final Messages messages;
    private final Consumer<SessionManager.Current> onSignedIn;
    private final Consumer<Runnable> fxThread;
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty link = new SimpleStringProperty("");
    private final BooleanProperty waiting = new SimpleBooleanProperty();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public SignInViewModel(GoogleSignIn signIn, Consumer<String> browser, UiExecutor executor, Messages messages,
                           Consumer<SessionManager.Current> onSignedIn, Consumer<Runnable> fxThread) {
        this.signIn = signIn;
        this.browser = browser;
        this.executor = executor;
        this.messages = messages;
        this.onSignedIn = onSignedIn;
        this.fxThread = fxThread;
    }

    public static Consumer<Runnable> fx() {
        return Platform::runLater;
    }

    public void start() {
        if (waiting.get()) {
            return;
        }
        cancelled.set(false);
        waiting.set(true);
        link.set("");
        status.set(messages.get("signin.waiting"));
        executor.submit(() -> signIn.signIn(url -> {
            fxThread.accept(() -> link.set(url));
            browser.accept(url);
        }, cancelled::get), (TokenStore.StoredSession s) -> {
            waiting.set(false);
            status.set(messages.get("signin.done", s.email()));
            onSignedIn.accept(new SessionManager.Current(s, false));
        }, e -> {
            waiting.set(false);
            status.set(messages.describe(e));
        });
    }

    public void cancel() {
        cancelled.set(true);
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty linkProperty() {
        return link;
    }

    public BooleanProperty waitingProperty() {
        return waiting;
    }
}
