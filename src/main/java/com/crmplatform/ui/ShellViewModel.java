package com.crmplatform.ui;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.store.StoreStatus;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.util.Duration;

/** The shell's state: who is signed in, which store, whether it answers, background work. */
public final class ShellViewModel {

    private final StoreStatus store;
    private final CurrentUser user;
    private final UiExecutor executor;
    private final Messages messages;
    private final ReadOnlyIntegerProperty running;
    private final BooleanProperty online = new SimpleBooleanProperty(true);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private Timeline heartbeat;
    private boolean checking; // FX thread

    public ShellViewModel(StoreStatus store, CurrentUser user, UiExecutor executor, ReadOnlyIntegerProperty running,
                          Messages messages) {
        this.store = store;
        this.user = user;
        this.executor = executor;
        this.running = running == null ? new SimpleIntegerProperty() : running;
        this.messages = messages;
    }

    /**
     * Checks the store's connection now and every second, in the background, so the status bar says
     * Offline within about 2 seconds of the central database going away (a check waits at most
     * 1.5 s for its answer).
     */
    public void startHeartbeat() {
        checkConnection();
        heartbeat = new Timeline(new KeyFrame(Duration.seconds(1), e -> checkConnection()));
        heartbeat.setCycleCount(Timeline.INDEFINITE);
        heartbeat.play();
    }

    public void stop() {
        if (heartbeat != null) {
            heartbeat.stop();
        }
    }

    /** One check at a time: a slow answer is waited for, not piled up behind. */
    public void checkConnection() {
        if (checking) {
            return;
        }
        checking = true;
        executor.submitQuietly(store::ping, up -> {
            checking = false;
            online.set(up);
        }, e -> {
            checking = false;
            online.set(false);
        });
    }

    public String storeText() {
        return store.description();
    }

    public String userText() {
        return user.displayName();
    }

    public boolean localMode() {
        return user.isLocalMode();
    }

    public StringBinding connectionText() {
        return Bindings.createStringBinding(() -> messages.get(online.get() ? "status.online" : "status.offline"), online);
    }

    public BooleanProperty onlineProperty() {
        return online;
    }

    public StringBinding workText() {
        return Bindings.createStringBinding(() -> running.get() == 0 ? messages.get("status.idle")
                : messages.get("status.working", running.get()), running);
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
