package com.crmplatform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.ui.Messages;
import com.crmplatform.ui.SettingsViewModel;
import com.crmplatform.ui.UiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsAreOwnerOnlyAndRankBelowTheEnvironment() throws Exception {
        new SettingsStore(dir).write(Map.of(ConfigLoader.GROQ_API_KEY, "gsk_saved", ConfigLoader.GROQ_MODEL, "saved-model",
                ConfigLoader.MONGO_URL, " "));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SettingsStore.FILE))));
        AppConfig c = new ConfigLoader(Map.of(ConfigLoader.GROQ_MODEL, "env-model"), null, "Linux", "/h").load(dir, null);
        assertEquals(Optional.of("gsk_saved"), c.groqApiKey());
        assertEquals(Optional.of("env-model"), c.groqModel());
        assertEquals(Optional.empty(), c.mongoUrl(), "blank values are not saved");
        assertTrue(!c.toString().contains("gsk_saved"), c.toString());
    }

    @Test
    void theDialogNeverShowsTheKeyBackAndAppliesGroqSettingsAtOnce() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.write(Map.of(ConfigLoader.GROQ_API_KEY, "gsk_old", ConfigLoader.MONGO_URL, "mongodb://ann:pw@db.example.com/crm"));
        List<SettingsViewModel.Groq> applied = new ArrayList<>();
        SettingsViewModel vm = new SettingsViewModel(store, name -> name.equals(ConfigLoader.GROQ_BASE_URL)
                ? Optional.of("http://env") : Optional.empty(), UiExecutor.currentThread(), Messages.load(Locale.ENGLISH), applied::add);
        vm.load();
        assertEquals("", vm.groqKeyProperty().get());
        assertTrue(vm.groqKeyPromptProperty().get().startsWith("A key is saved"));
        assertEquals("mongodb://ann:****@db.example.com/crm", vm.mongoUrlProperty().get());
        assertTrue(vm.noteProperty().get().contains("GROQ_BASE_URL"));
        vm.groqModelProperty().set("llama-3.1-8b-instant");
        boolean[] closed = {false};
        vm.save(() -> closed[0] = true);
        assertTrue(closed[0]);
        assertEquals(new SettingsViewModel.Groq(Optional.of("gsk_old"), Optional.of("http://env"), Optional.of("llama-3.1-8b-instant")),
                applied.get(0));
        assertEquals("mongodb://ann:pw@db.example.com/crm", store.read().get(ConfigLoader.MONGO_URL), "the masked address was kept");
        vm.groqKeyProperty().set("gsk_new");
        vm.save(() -> { });
        assertEquals("gsk_new", store.read().get(ConfigLoader.GROQ_API_KEY));
    }

    @Test
    void anAddressThatIsNotAMongoDbAddressIsRefusedOnTheFieldAndNeverSaved() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.write(Map.of(ConfigLoader.MONGO_URL, "mongodb://db.example.com/crm"));
        SettingsViewModel vm = new SettingsViewModel(store, name -> Optional.empty(), UiExecutor.currentThread(),
                Messages.load(Locale.ENGLISH), g -> { });
        vm.load();
        for (String bad : new String[] {"not a url", "http://db.example.com", "mongodb://user:pa:ss@:99999/x"}) {
            vm.mongoUrlProperty().set(bad);
            boolean[] closed = {false};
            vm.save(() -> closed[0] = true);
            assertFalse(closed[0], bad);
            assertTrue(vm.noteProperty().get().contains("MongoDB address"), vm.noteProperty().get());
            assertFalse(vm.noteProperty().get().contains("pa:ss"), "no password in the message");
            assertEquals("mongodb://db.example.com/crm", store.read().get(ConfigLoader.MONGO_URL), "nothing saved");
        }
        vm.mongoUrlProperty().set("");
        boolean[] closed = {false};
        vm.save(() -> closed[0] = true);
        assertTrue(closed[0], "an empty address means the local store");
    }

    @Test
    void signInSettingsRoundTripAndTheSecretIsNeverShownBack() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SettingsViewModel vm = new SettingsViewModel(store, name -> Optional.empty(), UiExecutor.currentThread(),
                Messages.load(Locale.ENGLISH), g -> { });
        vm.load();
        vm.googleClientIdProperty().set(" 123.apps.googleusercontent.com ");
        vm.googleClientSecretProperty().set("GOCSPX-secret");
        vm.allowedDomainsProperty().set("shop.example.in");
        vm.save(() -> { });
        assertEquals("123.apps.googleusercontent.com", store.read().get("GOOGLE_CLIENT_ID"));
        assertEquals("GOCSPX-secret", store.read().get("GOOGLE_CLIENT_SECRET"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(dir.resolve(SettingsStore.FILE))));
        vm.load();
        assertEquals("", vm.googleClientSecretProperty().get(), "never shown back");
        assertTrue(vm.googleSecretPromptProperty().get().contains("saved"));
        vm.allowedDomainsProperty().set("");
        vm.save(() -> { });
        assertFalse(store.read().containsKey("CRM_ALLOWED_DOMAINS"), "cleared");
        assertEquals("GOCSPX-secret", store.read().get("GOOGLE_CLIENT_SECRET"), "kept when left empty");
    }

    @Test
    void testingTheConnectionSaysWhatHappenedInWords() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.write(Map.of(ConfigLoader.MONGO_URL, "mongodb://ann:pw@db.example.com/crm"));
        List<String> tried = new ArrayList<>();
        SettingsViewModel vm = new SettingsViewModel(store, name -> Optional.empty(), UiExecutor.currentThread(),
                Messages.load(Locale.ENGLISH), g -> { }).withSystem(address -> {
                    tried.add(address);
                    return address.contains("down") ? Optional.of("Cannot reach the MongoDB database.") : Optional.empty();
                }, dir, p -> { }, "about");
        vm.load();
        vm.testConnection(); // the masked address shown: the saved one is tried
        assertEquals(List.of("mongodb://ann:pw@db.example.com/crm"), tried);
        assertEquals("Connected to mongodb://ann:****@db.example.com/crm.", vm.connectionProperty().get());
        vm.mongoUrlProperty().set("mongodb://down.example.com/crm");
        vm.testConnection();
        assertEquals("Not connected: Cannot reach the MongoDB database.", vm.connectionProperty().get());
        vm.mongoUrlProperty().set("not a url");
        vm.testConnection();
        assertTrue(vm.connectionProperty().get().contains("is not a MongoDB address"), vm.connectionProperty().get());
        vm.mongoUrlProperty().set("");
        vm.testConnection();
        assertTrue(vm.connectionProperty().get().contains("local store"), vm.connectionProperty().get());
        assertEquals(2, tried.size(), "bad and empty addresses are not tried");
    }

    @Test
    void theRealConnectionTestAnswersForAServerAndForNone() throws Exception {
        try (var mongo = com.crmplatform.store.StoreFixture.mongo()) {
            assertEquals(Optional.empty(), com.crmplatform.app.MongoStore.test(mongo.url(), 3_000));
        }
        Optional<String> none = com.crmplatform.app.MongoStore.test("mongodb://127.0.0.1:1/crm", 1_000);
        assertTrue(none.orElseThrow().contains("Cannot reach"), none.orElseThrow());
    }
}
