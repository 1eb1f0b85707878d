package com.crmplatform.campaign.ui;

import com.crmplatform.ai.CampaignAssistant;
import com.crmplatform.ai.RuleGenerator;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.campaign.Campaign;
import com.crmplatform.campaign.CampaignService;
import com.crmplatform.campaign.CampaignStatus;
import com.crmplatform.delivery.DeliveryStatus;
import com.crmplatform.delivery.LogEntry;
import com.crmplatform.segment.RuleEnglish;
import com.crmplatform.store.Cursor;
import com.crmplatform.ui.DialogService;
import com.crmplatform.ui.Formats;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.PagedList;
import com.crmplatform.ui.UiExecutor;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/** Campaign history, newest first, with live figures, and the selected campaign's communication log. */
public final class HistoryViewModel {

    static final int SHOWN = 200;

    private final CampaignService campaigns;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final ObservableList<Campaign> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Campaign> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<DeliveryStatus> statusFilter = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final PagedList<LogEntry> entries;
    private final StringProperty summary = new SimpleStringProperty("");
    private CampaignAssistant assistant;
    private String summarizedKey = "";
    private String selectAfterRefresh;
    private boolean refreshing;
    /** True once the campaigns were read: before that an empty list says nothing ("No campaigns yet" would flash). */
    private final BooleanProperty loaded = new SimpleBooleanProperty();

    public HistoryViewModel(CampaignService campaigns, UiExecutor executor,
                            DialogService dialogs, Messages messages) {
        this.campaigns = campaigns;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.entries = new PagedList<>(executor, 100, e -> new Cursor(null, e.id()), e -> message.set(messages.describe(e)));
        selected.addListener((o, old, now) -> {
            if (now != null && (old == null || !old.id().equals(now.id()))) {
                message.set(""); // what was said about the campaign shown before
                showLog();
            }
        });
        statusFilter.addListener((o, a, b) -> showLog());
        search.addListener((o, a, b) -> showLog());
    }

    /** What the campaign page shows of the selected campaign ({@code null}: none selected). */
    public record Page(String title, String rule, String message, boolean canSendAgain, long sent, long failed, long pending) {
    }

    public Page pageOf(Campaign c) {
        if (c == null) {
            return new Page(messages.get("history.selectOne"), "", "", false, 0, 0, 0);
        }
        return new Page(c.name(), messages.get("history.rule", RuleEnglish.describe(c.rule())), "“" + c.message() + "”",
                c.failed() > 0, c.sent(), c.failed(), c.pending());
    }

    /** How far a campaign's delivery has got, 0 to 1. */
    public static double progress(Campaign c) {
        return c.audienceSize() == 0 ? 1 : (double) (c.sent() + c.failed()) / c.audienceSize();
    }

    public String created(Campaign c) {
        return Formats.dateTime(c.audit().createdAt()) + " · " + LocalUser.readable(c.audit().createdBy());
    }

    public String status(Campaign c) {
        return messages.get("campaign.status." + c.status().name());
    }

    public String status(LogEntry e) {
        return messages.get("delivery.status." + e.status().name());
    }

    /** The log filter's names: "All" for none, else the status. */
    public String filterName(DeliveryStatus s) {
        return s == null ? messages.get("history.log.all") : messages.get("delivery.status." + s.name());
    }

    /**
     * While the screen is shown the campaigns are read again: every second while one is delivering,
     * else every {@value #QUIET_TICKS} seconds (another workstation or a command line may launch,
     * deliver or send again meanwhile).
     */
    public void live(boolean shown) {
        if (shown) {
            refresh();
            if (live == null) { // made on first use: view-model tests run without the JavaFX toolkit
                live = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
                live.setCycleCount(Timeline.INDEFINITE);
            }
            live.play();
        } else if (live != null) {
            live.stop();
        }
    }

    private Timeline live;
    private static final int QUIET_TICKS = 5;
    private int quietTicks;
    private long summaryTicket;
    private Runnable resent = () -> { };

    /** One second of the screen being shown: reads the campaigns again when it is time to. */
    void tick() {
        if (anyRunning() || ++quietTicks >= QUIET_TICKS) {
            quietTicks = 0;
            refresh();
        }
    }

    /** @param resent runs after failed messages were put back to be sent (wakes this window's delivery) */
    public HistoryViewModel onResent(Runnable resent) {
        this.resent = resent;
        return this;
    }

    public HistoryViewModel withAssistant(CampaignAssistant a) {
        this.assistant = a;
        selected.addListener((o, old, now) -> summarize(now));
        return this;
    }

    /** The summary and tags of the selected campaign, written again when its figures change. */
    private void summarize(Campaign c) {
        if (c == null || assistant == null) {
            summary.set("");
            return;
        }
        String key = c.id() + "/" + c.sent() + "/" + c.failed();
        if (key.equals(summarizedKey)) {
            return;
        }
        summarizedKey = key;
        long ticket = ++summaryTicket;
        List<Campaign> all = List.copyOf(rows);
        executor.submit(() -> {
            var s = assistant.summarize(c, all);
            var t = assistant.tags(c.rule(), c.message());
            String engine = messages.get(s.engine() == RuleGenerator.Engine.GROQ
                    ? "history.summary.groq" : "history.summary.offline");
            return s.value() + "\n" + messages.get("history.tags", String.join(" · ", t.value())) + "\n" + engine;
        }, text -> {
            // Only the newest: an older summary finishing late never replaces it.
            if (ticket == summaryTicket && selected.get() != null && selected.get().id().equals(c.id())) {
                summary.set(text);
            }
        }, e -> {
            if (ticket == summaryTicket) {
                summary.set(messages.describe(e));
            }
        });
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** Reads the campaigns again; the selected one stays selected with its new figures. */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        executor.submit(() -> campaigns.history(SHOWN), list -> {
            refreshing = false;
            loaded.set(true);
            // Taken before the rows change: a table that follows the selection may already select the fresh row.
            Campaign before = selected.get();
            rows.setAll(list);
            String want = selectAfterRefresh != null ? selectAfterRefresh : before == null ? null : before.id();
            selectAfterRefresh = null;
            list.stream().filter(c -> c.id().equals(want)).findFirst().ifPresent(c -> {
                boolean moved = before != null && before.id().equals(c.id())
                        && (before.sent() != c.sent() || before.failed() != c.failed());
                selected.set(c);
                if (moved) {
                    entries.refresh();
                }
            });
        }, e -> {
            refreshing = false;
            message.set(messages.describe(e));
        });
    }

    /** Shows a campaign (just launched) selected at the next refresh. */
    public void show(Campaign c) {
        selectAfterRefresh = c.id();
        refresh();
    }

    /** True while any campaign is still delivering: the screen keeps refreshing. */
    public boolean anyRunning() {
        return rows.stream().anyMatch(c -> c.status() != CampaignStatus.COMPLETED);
    }

    private void showLog() {
        Campaign c = selected.get();
        if (c == null) {
            return;
        }
        DeliveryStatus s = statusFilter.get();
        String q = search.get();
        entries.show(r -> campaigns.log(c.id(), s, q, r), () -> -1L);
    }

    public void sendAgainToFailed() {
        Campaign c = selected.get();
        if (c == null || c.failed() == 0) {
            return;
        }
        if (!dialogs.confirm(messages.get("history.sendAgain.title"), messages.get("history.sendAgain.confirm", c.failed(),
                c.name()), messages.get("history.sendAgain"))) {
            return;
        }
        executor.submit(() -> campaigns.sendAgainToFailed(c.id()), n -> {
            resent.run();
            if (statusFilter.get() == DeliveryStatus.FAILED) {
                statusFilter.set(null); // the messages sent again are no longer failed: show them going out
            }
            message.set(messages.get("history.sendAgain.done", n));
            refresh();
            showLog();
        }, e -> dialogs.showError(messages.get("history.sendAgain.title"), messages.describe(e)));
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ObservableList<Campaign> rows() {
        return rows;
    }

    public ObjectProperty<Campaign> selectedProperty() {
        return selected;
    }

    public ObjectProperty<DeliveryStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public PagedList<LogEntry> entries() {
        return entries;
    }
}
