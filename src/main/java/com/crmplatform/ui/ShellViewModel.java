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

    public ShellViewModel(StoreStatus store, CurrentUser user, UiExecutor executor, ReadOnlyIntegerProperty running,
                          Messages messages) {
        this.store = store;
        this.user = user;
        this.executor = executor;
        this.running = running == null ? new SimpleIntegerProperty() : running;
        this.messages = messages;
    }

    /** Checks the store's connection now and every 15 seconds, in the background. */
    public void startHeartbeat() {
        checkConnection();
        heartbeat = new Timeline(new KeyFrame(Duration.seconds(15), e -> checkConnection()));
        heartbeat.setCycleCount(Timeline.INDEFINITE);
        heartbeat.play();
    }

    public void stop() {
        if (heartbeat != null) {
            heartbeat.stop();
        }
    }

    public void checkConnection() {
        executor.submit(store::ping, online::set, e -> online.set(false));
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
