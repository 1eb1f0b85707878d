package com.crmplatform.ui;

import com.crmplatform.config.AppConfig;
import com.crmplatform.config.ConfigLoader;
import com.crmplatform.config.MongoAddress;
import com.crmplatform.config.Secrets;
import com.crmplatform.config.SettingsStore;
import com.crmplatform.customer.CustomerValidator;
import com.crmplatform.delivery.SmtpSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Settings dialog: the Groq key (never shown back; typing replaces it), endpoint and model,
 * and the MongoDB address, saved owner-only in the data directory. Environment variables win over
 * saved settings, and the dialog says so.
 */
public final class SettingsViewModel {

    /** What saving changes now: the Groq settings the AI helpers use. */
    public record Groq(Optional<String> apiKey, Optional<String> baseUrl, Optional<String> model) {
    }

    private final SettingsStore store;
    private final Function<String, Optional<String>> environment;
    private final UiExecutor executor;
    private final Messages messages;
    private final Consumer<Groq> applyGroq;
    private final StringProperty groqKey = new SimpleStringProperty("");
    private final StringProperty groqKeyPrompt = new SimpleStringProperty("");
    private final StringProperty groqBaseUrl = new SimpleStringProperty("");
    private final StringProperty groqModel = new SimpleStringProperty("");
    private final StringProperty mongoUrl = new SimpleStringProperty("");
    private final StringProperty googleClientId = new SimpleStringProperty("");
    private final StringProperty googleClientSecret = new SimpleStringProperty("");
    private final StringProperty googleSecretPrompt = new SimpleStringProperty("");
    private final StringProperty allowedDomains = new SimpleStringProperty("");
    private final StringProperty connection = new SimpleStringProperty("");
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private Function<String, Optional<String>> connectionTest = a -> Optional.empty();
    private Path dataFolder;
    private Consumer<Path> openFolder = p -> { };
    private String about = "";
    private BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private Map<String, String> saved = Map.of();
    private final StringProperty smtpHost = new SimpleStringProperty("");
    private final StringProperty smtpPort = new SimpleStringProperty("");
    private final StringProperty smtpTls = new SimpleStringProperty("starttls");
    private final StringProperty smtpUser = new SimpleStringProperty("");
    private final StringProperty smtpPassword = new SimpleStringProperty("");
    private final StringProperty smtpPasswordPrompt = new SimpleStringProperty("");
    private final StringProperty smtpFrom = new SimpleStringProperty("");
    private final StringProperty smtpFromName = new SimpleStringProperty("");
    private final StringProperty smtpPerMinute = new SimpleStringProperty("");
    private final StringProperty testEmailTo = new SimpleStringProperty("");
    private final StringProperty emailResult = new SimpleStringProperty("");
    private final BooleanProperty sendingTest = new SimpleBooleanProperty();
    private BiFunction<SmtpSettings, String, Optional<String>> mailTest = (s, to) -> Optional.empty();
    private Consumer<Function<String, Optional<String>>> applyMail = m -> { };

    /** Wires what saving does to email at once: the mail settings in effect (environment first) are handed on. */
    public SettingsViewModel withMailApplied(Consumer<Function<String, Optional<String>>> applyMail) {
        this.applyMail = applyMail;
        return this;
    }

    public SettingsViewModel(SettingsStore store, Function<String, Optional<String>> environment, UiExecutor executor,
                             Messages messages, Consumer<Groq> applyGroq) {
        this.store = store;
        this.environment = environment;
        this.executor = executor;
        this.messages = messages;
        this.applyGroq = applyGroq;
    }

    public void load() {
        executor.submit(store::read, values -> {
            saved = values;
            groqKey.set("");
            groqKeyPrompt.set(messages.get(values.containsKey(ConfigLoader.GROQ_API_KEY) ? "settings.groqKey.saved"
                    : "settings.groqKey.none"));
            groqBaseUrl.set(values.getOrDefault(ConfigLoader.GROQ_BASE_URL, ""));
            groqModel.set(values.getOrDefault(ConfigLoader.GROQ_MODEL, ""));
            mongoUrl.set(Secrets.maskUri(values.getOrDefault(ConfigLoader.MONGO_URL, "")));
            googleClientId.set(values.getOrDefault(GOOGLE_CLIENT_ID, ""));
            googleClientSecret.set("");
            googleSecretPrompt.set(messages.get(values.containsKey(GOOGLE_CLIENT_SECRET) ? "settings.googleSecret.saved"
                    : "settings.googleSecret.none"));
            allowedDomains.set(values.getOrDefault(ALLOWED_DOMAINS, ""));
            smtpHost.set(values.getOrDefault(SmtpSettings.HOST, ""));
            smtpPort.set(values.getOrDefault(SmtpSettings.PORT, ""));
            smtpTls.set(switch (values.getOrDefault(SmtpSettings.TLS, "").strip().toLowerCase(Locale.ROOT)) {
                case "tls", "ssl" -> "tls";
                case "none" -> "none";
                default -> "starttls";
            });
            smtpUser.set(values.getOrDefault(SmtpSettings.USER, ""));
            smtpPassword.set("");
            smtpPasswordPrompt.set(messages.get(values.containsKey(SmtpSettings.PASSWORD) ? "settings.smtpPassword.saved"
                    : "settings.smtpPassword.none"));
            smtpFrom.set(values.getOrDefault(SmtpSettings.FROM, ""));
            smtpFromName.set(values.getOrDefault(SmtpSettings.FROM_NAME, ""));
            smtpPerMinute.set(values.getOrDefault(SmtpSettings.RATE, ""));
            if (testEmailTo.get().isEmpty()) {
                testEmailTo.set(values.getOrDefault(SmtpSettings.FROM, ""));
            }
            StringBuilder fromEnv = new StringBuilder();
            List<String> watched = new ArrayList<>(List.of(ConfigLoader.GROQ_API_KEY, ConfigLoader.GROQ_BASE_URL,
                    ConfigLoader.GROQ_MODEL, ConfigLoader.MONGO_URL));
            watched.addAll(AppConfig.MAIL_SETTINGS);
            for (String name : watched) {
                if (environment.apply(name).isPresent()) {
                    fromEnv.append(fromEnv.length() == 0 ? "" : ", ").append(name);
                }
            }
            note.set(fromEnv.length() == 0 ? "" : messages.get("settings.fromEnvironment", fromEnv));
        }, e -> note.set(messages.describe(e)));
    }

    static final String GOOGLE_CLIENT_ID = "GOOGLE_CLIENT_ID";
    static final String GOOGLE_CLIENT_SECRET = "GOOGLE_CLIENT_SECRET";
    static final String ALLOWED_DOMAINS = "CRM_ALLOWED_DOMAINS";

    /**
     * Wires what needs the world outside: a connection test for an address (empty when it answers,
     * else why not), the data folder and how to open a folder, and the About text.
     */
    public SettingsViewModel withSystem(Function<String, Optional<String>> connectionTest, Path dataFolder,
                                        Consumer<Path> openFolder, String about) {
        this.connectionTest = connectionTest;
        this.dataFolder = dataFolder;
        this.openFolder = openFolder;
        this.about = about;
        return this;
    }

    /** Tries the address typed (or the saved one, when it is shown masked) in the background, and says how it went. */
    public void testConnection() {
        String typed = mongoUrl.get().strip();
        String address = typed.contains("****") ? saved.getOrDefault(ConfigLoader.MONGO_URL, "") : typed;
        if (address.isEmpty()) {
            connection.set(messages.get("settings.test.local"));
            return;
        }
        Optional<String> wrong = MongoAddress.problem(address);
        if (wrong.isPresent()) {
            connection.set(wrong.get());
            return;
        }
        testing.set(true);
        connection.set(messages.get("settings.test.trying", Secrets.maskUri(address)));
        executor.submit(() -> connectionTest.apply(address), problem -> {
            testing.set(false);
            connection.set(problem.map(p -> messages.get("settings.test.failed", p))
                    .orElse(messages.get("settings.test.ok", Secrets.maskUri(address))));
        }, e -> {
            testing.set(false);
            connection.set(messages.get("settings.test.failed", messages.describe(e)));
        });
    }

    public void openDataFolder() {
        if (dataFolder != null) {
            openFolder.accept(dataFolder);
        }
    }

    public void openLogsFolder() {
        if (dataFolder != null) {
            openFolder.accept(dataFolder.resolve("logs"));
        }
    }

    public String dataFolderText() {
        return dataFolder == null ? "" : dataFolder.toString();
    }

    public String aboutText() {
        return about;
    }

    /** Saves; the Groq settings apply at once, the database address at the next start. */
    public void save(Runnable done) {
        Map<String, String> values = new LinkedHashMap<>(saved);
        if (!groqKey.get().isBlank()) {
            values.put(ConfigLoader.GROQ_API_KEY, groqKey.get().strip());
        }
        values.put(ConfigLoader.GROQ_BASE_URL, groqBaseUrl.get());
        values.put(ConfigLoader.GROQ_MODEL, groqModel.get());
        String mongo = mongoUrl.get().strip();
        if (!mongo.contains("****")) { // a masked address shown back is left as it was
            Optional<String> wrong = MongoAddress.problem(mongo);
            if (wrong.isPresent()) { // never saved: the next start would not open
                note.set(wrong.get());
                return;
            }
            values.put(ConfigLoader.MONGO_URL, mongo);
        }
        putOrRemove(values, GOOGLE_CLIENT_ID, googleClientId.get());
        if (!googleClientSecret.get().isBlank()) {
            values.put(GOOGLE_CLIENT_SECRET, googleClientSecret.get().strip());
        }
        putOrRemove(values, ALLOWED_DOMAINS, allowedDomains.get());
        Map<String, String> mail = typedMail();
        for (String name : AppConfig.MAIL_SETTINGS) {
            putOrRemove(values, name, mail.get(name));
        }
        if (!smtpHost.get().isBlank()) {
            try {
                SmtpSettings.from(name -> Optional.ofNullable(values.get(name)));
            } catch (IllegalArgumentException e) { // never saved: delivery would fail every email
                note.set(e.getMessage());
                return;
            }
        }
        saving.set(true);
        executor.submit(() -> {
            store.write(values);
            return values;
        }, v -> {
            saving.set(false);
            applyGroq.accept(new Groq(effective(ConfigLoader.GROQ_API_KEY, v), effective(ConfigLoader.GROQ_BASE_URL, v),
                    effective(ConfigLoader.GROQ_MODEL, v)));
            Map<String, String> saved = Map.copyOf(v);
            applyMail.accept(name -> effective(name, saved));
            done.run();
        }, e -> {
            saving.set(false);
            note.set(messages.describe(e));
        });
    }

    /** The mail settings as typed; the password typed, else the saved one (never shown back). */
    private Map<String, String> typedMail() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SmtpSettings.HOST, smtpHost.get());
        m.put(SmtpSettings.PORT, smtpPort.get());
        m.put(SmtpSettings.TLS, smtpTls.get());
        m.put(SmtpSettings.USER, smtpUser.get());
        m.put(SmtpSettings.PASSWORD, smtpPassword.get().isEmpty() ? saved.getOrDefault(SmtpSettings.PASSWORD, "")
                : smtpPassword.get());
        m.put(SmtpSettings.FROM, smtpFrom.get());
        m.put(SmtpSettings.FROM_NAME, smtpFromName.get());
        m.put(SmtpSettings.RATE, smtpPerMinute.get());
        return m;
    }

    /**
     * Wires how a test email is sent (in the background): empty when the server took it, else why not.
     */
    public SettingsViewModel withMailTest(BiFunction<SmtpSettings, String, Optional<String>> test) {
        this.mailTest = test;
        return this;
    }

    /** Sends one email with the settings as typed (nothing saved), and says whether the server took it. */
    public void sendTestEmail() {
        Map<String, String> typed = typedMail();
        SmtpSettings settings;
        try {
            settings = SmtpSettings.from(name -> Optional.ofNullable(typed.get(name)).filter(v -> !v.isBlank()))
                    .orElseThrow(() -> new IllegalArgumentException(messages.get("settings.testEmail.noHost")));
        } catch (IllegalArgumentException e) {
            emailResult.set(e.getMessage());
            return;
        }
        String to = testEmailTo.get().strip();
        String wrongTo = CustomerValidator.emailProblem(to);
        if (wrongTo != null) {
            emailResult.set(wrongTo);
            return;
        }
        sendingTest.set(true);
        emailResult.set(messages.get("settings.testEmail.sending", to, settings.host()));
        executor.submit(() -> mailTest.apply(settings, to), problem -> {
            sendingTest.set(false);
            emailResult.set(problem.map(p -> messages.get("settings.testEmail.failed", p))
                    .orElse(messages.get("settings.testEmail.sent", to)));
        }, e -> {
            sendingTest.set(false);
            emailResult.set(messages.get("settings.testEmail.failed", messages.describe(e)));
        });
    }

    public StringProperty smtpHostProperty() {
        return smtpHost;
    }

    public StringProperty smtpPortProperty() {
        return smtpPort;
    }

    /** starttls, tls or none. */
    public StringProperty smtpTlsProperty() {
        return smtpTls;
    }

    public StringProperty smtpUserProperty() {
        return smtpUser;
    }

    public StringProperty smtpPasswordProperty() {
        return smtpPassword;
    }

    public StringProperty smtpPasswordPromptProperty() {
        return smtpPasswordPrompt;
    }

    public StringProperty smtpFromProperty() {
        return smtpFrom;
    }

    public StringProperty smtpFromNameProperty() {
        return smtpFromName;
    }

    public StringProperty smtpPerMinuteProperty() {
        return smtpPerMinute;
    }

    public StringProperty testEmailToProperty() {
        return testEmailTo;
    }

    /** How the last test email went. */
    public StringProperty emailResultProperty() {
        return emailResult;
    }

    public BooleanProperty sendingTestProperty() {
        return sendingTest;
    }

    private static void putOrRemove(Map<String, String> values, String name, String value) {
        if (value == null || value.isBlank()) {
            values.remove(name);
        } else {
            values.put(name, value.strip());
        }
    }

    private Optional<String> effective(String name, Map<String, String> values) {
        return environment.apply(name).or(() -> Optional.ofNullable(values.get(name)).filter(s -> !s.isBlank()));
    }

    public StringProperty groqKeyProperty() {
        return groqKey;
    }

    public StringProperty groqKeyPromptProperty() {
        return groqKeyPrompt;
    }

    public StringProperty groqBaseUrlProperty() {
        return groqBaseUrl;
    }

    public StringProperty groqModelProperty() {
        return groqModel;
    }

    public StringProperty mongoUrlProperty() {
        return mongoUrl;
    }

    /** Follows and sets the window's theme (applies at once, remembered with the window). */
    public SettingsViewModel withTheme(BooleanProperty windowDarkTheme) {
        this.darkTheme = windowDarkTheme;
        return this;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public StringProperty googleClientIdProperty() {
        return googleClientId;
    }

    public StringProperty googleClientSecretProperty() {
        return googleClientSecret;
    }

    public StringProperty googleSecretPromptProperty() {
        return googleSecretPrompt;
    }

    public StringProperty allowedDomainsProperty() {
        return allowedDomains;
    }

    /** What the last connection test found. */
    public StringProperty connectionProperty() {
        return connection;
    }

    public BooleanProperty testingProperty() {
        return testing;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
