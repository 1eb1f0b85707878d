package com.crmplatform.ui;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.store.StoreStatus;
import com.crmplatform.sync.Conflict;
import com.crmplatform.sync.SyncService;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
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
    private final SyncService sync;
    private final javafx.beans.property.LongProperty pending = new javafx.beans.property.SimpleLongProperty();
    private final javafx.beans.property.LongProperty conflicts = new javafx.beans.property.SimpleLongProperty();
    private final javafx.beans.property.ObjectProperty<Instant> lastSync = new javafx.beans.property.SimpleObjectProperty<>();
    private final BooleanProperty syncing = new SimpleBooleanProperty();
    private final BooleanProperty preparingSearch = new SimpleBooleanProperty();
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private Timeline heartbeat;
    private boolean checking; // FX thread
    private boolean backgroundSync; // FX thread

    public ShellViewModel(StoreStatus store, CurrentUser user, UiExecutor executor, ReadOnlyIntegerProperty running,
                          Messages messages) {
        this(store, SyncService.none(), user, executor, running, messages);
    }

    /** @param sync team-mode sync: the heartbeat also pushes and pulls, and the bar shows pending, conflicts, last sync */
    public ShellViewModel(StoreStatus store, SyncService sync, CurrentUser user, UiExecutor executor,
                          ReadOnlyIntegerProperty running, Messages messages) {
        this.sync = sync;
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
        heartbeat = new Timeline(new KeyFrame(Duration.millis(sync.teamMode() ? SyncService.HEARTBEAT_MS : 1_000),
                e -> checkConnection()));
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
        if (sync.teamMode()) {
            // The connection check never waits for a sync: Offline shows within the check's 1.5 s even
            // while a push is stuck on a connection that just dropped.
            executor.submitQuietly(sync::probe, status -> {
                checking = false;
                show(status);
                if (status.online()) {
                    syncInBackground();
                } else {
                    indexInBackground();
                }
            }, e -> {
                checking = false;
                online.set(false);
            });
            return;
        }
        executor.submitQuietly(store::ping, up -> {
            checking = false;
            online.set(up);
        }, e -> {
            checking = false;
            online.set(false);
        });
    }

    /** Push and pull what there is, one run at a time, beside the connection checks. */
    private void syncInBackground() {
        if (backgroundSync) {
            return;
        }
        backgroundSync = true;
        executor.submitQuietly(sync::syncQuietly, status -> {
            backgroundSync = false;
            show(status);
        }, e -> backgroundSync = false);
    }

    /** Offline: what a first sync left for later is still built, one index per check. */
    private void indexInBackground() {
        if (backgroundSync) {
            return;
        }
        backgroundSync = true;
        executor.submitQuietly(() -> {
            sync.buildSearchIndexQuietly();
            return null;
        }, done -> backgroundSync = false, e -> backgroundSync = false);
    }

    private void show(SyncService.Status status) {
        online.set(status.online());
        pending.set(status.pending());
        conflicts.set(status.conflicts());
        lastSync.set(status.lastSync());
        preparingSearch.set(status.preparingSearch());
    }

    /** Whether the bar shows the sync (team mode). */
    public boolean teamMode() {
        return sync.teamMode();
    }

    /** "Sync now": pushes and pulls until nothing is left; {@code onProblem} is told why it could not. */
    public void syncNow(Consumer<String> onProblem) {
        if (syncing.get()) {
            return;
        }
        syncing.set(true);
        executor.submit(() -> {
            sync.syncNow((d, t) -> { }, () -> false);
            return sync.status();
        }, status -> {
            syncing.set(false);
            show(status);
        }, e -> {
            syncing.set(false);
            online.set(false);
            onProblem.accept(e.getMessage());
            checkConnection(); // the figures again, read in the background
        });
    }

    /** What the sync details show: the pending changes and the open conflicts. */
    public record SyncDetails(List<String> pending, List<Conflict> conflicts) {
    }

    public void loadSyncDetails(Consumer<SyncDetails> onLoaded) {
        executor.submitQuietly(() -> new SyncDetails(sync.pending(500), sync.conflicts()), onLoaded, e -> { });
    }

    /** Keeps this computer's value ({@code mine}) or the central one; then the details are loaded again. */
    public void resolve(long conflictId, boolean mine, Consumer<SyncDetails> onLoaded, Consumer<String> onProblem) {
        executor.submit(() -> {
            sync.resolve(conflictId, mine);
            return new SyncDetails(sync.pending(500), sync.conflicts());
        }, details -> {
            onLoaded.accept(details);
            checkConnection(); // pushes the choice now when online, and shows the figures again
        }, e -> onProblem.accept(e.getMessage()));
    }

    public StringBinding pendingText() {
        return Bindings.createStringBinding(() -> messages.get("sync.pending", pending.get()), pending);
    }

    public StringBinding conflictsText() {
        return Bindings.createStringBinding(() -> messages.get("sync.conflicts", conflicts.get()), conflicts);
    }

    public javafx.beans.property.ReadOnlyLongProperty conflictsProperty() {
        return conflicts;
    }

    public javafx.beans.property.ReadOnlyLongProperty pendingProperty() {
        return pending;
    }

    public BooleanProperty syncingProperty() {
        return syncing;
    }

    /** "Synced 12:04" (today) or with the date; "Not synced yet". The tooltip has the seconds. */
    public StringBinding lastSyncText() {
        return Bindings.createStringBinding(() -> {
            Instant at = lastSync.get();
            if (at == null) {
                return messages.get("sync.never");
            }
            var local = at.atZone(clock.getZone());
            boolean today = local.toLocalDate().equals(java.time.LocalDate.now(clock));
            java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
            return messages.get("sync.last", today ? local.format(time)
                    : local.toLocalDate() + " " + local.format(time));
        }, lastSync);
    }

    /** For tests: the clock the last-sync time is shown in. */
    public ShellViewModel withClock(java.time.Clock clock) {
        this.clock = clock;
        return this;
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
        String prefix = sync.teamMode() ? "status.team." : "status.";
        return Bindings.createStringBinding(() -> messages.get(prefix + (online.get() ? "online" : "offline")), online);
    }

    public BooleanProperty onlineProperty() {
        return online;
    }

    /** "Ready", "Working…", or, after a first sync, while its search indexes are built: "Making search quick…". */
    public StringBinding workText() {
        return Bindings.createStringBinding(() -> running.get() > 0 ? messages.get("status.working", running.get())
                : messages.get(preparingSearch.get() ? "status.preparingSearch" : "status.idle"), running, preparingSearch);
    }

    /** Whether something is running in the background that the bar shows a spinner for. */
    public javafx.beans.binding.BooleanBinding busy() {
        return running.greaterThan(0).or(preparingSearch);
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
