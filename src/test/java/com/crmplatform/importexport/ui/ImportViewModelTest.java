package com.crmplatform.importexport.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.SqliteStore;
import com.crmplatform.auth.LocalUser;
import com.crmplatform.customer.CustomerQuery;
import com.crmplatform.importexport.CustomerImporter;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {

    @TempDir
    Path dir;
    private final ExecutorService pipeline = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pipeline.shutdownNow();
    }

    private ImportViewModel viewModel(SqliteStore store) {
        CustomerImporter importer = new CustomerImporter(store.customers(), new LocalUser("ann"),
                Clock.systemDefaultZone(), pipeline);
        return new ImportViewModel(importer::preview, importer::importFile, UiExecutor.currentThread(),
                Messages.load(Locale.ENGLISH), Runnable::run);
    }

    @Test
    void previewFirstThenImportWithTheRejectedRowsListed() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            ImportViewModel vm = viewModel(store);
            Path csv = dir.resolve("c.csv");
            Files.writeString(csv, "name,email\nA,a@example.com\n,b@example.com\nC,c@example\n");
            vm.open(csv);
            assertEquals(ImportViewModel.Phase.READY, vm.phaseProperty().get());
            assertTrue(vm.summaryProperty().get().startsWith("Ready: 1 to create, 0 to update, 2 rows rejected"), vm.summaryProperty().get());
            assertEquals(2, vm.rejected().size());
            assertEquals(0, store.customers().count(CustomerQuery.all()), "a preview writes nothing");
            vm.startImport();
            assertEquals(ImportViewModel.Phase.DONE, vm.phaseProperty().get());
            assertEquals(1, store.customers().count(CustomerQuery.all()));
            assertEquals(3L, vm.rejected().get(0).line());
            assertTrue(vm.wroteAnything());
        }
    }

    @Test
    void aRepeatedEmailIsFlaggedInThePreviewAndTheSummary() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            ImportViewModel vm = viewModel(store);
            Path csv = dir.resolve("c.csv");
            Files.writeString(csv, "name,email,city\nAsha,asha@example.com,Pune\nAsha Rao,ASHA@example.com,\n");
            vm.open(csv);
            String preview = vm.summaryProperty().get();
            assertTrue(preview.contains("1 row repeats an earlier row of the file (line 3 repeats line 2: ASHA@example.com)"), preview);
            vm.startImport();
            assertTrue(vm.summaryProperty().get().contains("line 3 repeats line 2"), vm.summaryProperty().get());
            assertEquals("Pune", store.customers().findByEmail("asha@example.com").orElseThrow().city(), "nothing wiped");
        }
    }

    @Test
    void headersNoAliasCoversAskWhichColumnIsWhichAndTheChoiceIsUsedForTheImport() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            ImportViewModel vm = viewModel(store);
            Path csv = dir.resolve("c.csv");
            Files.writeString(csv, "Nombre;Correo;Ciudad;Gasto\nAsha;asha@example.com;Pune;\"1.500,50\"\nRavi;ravi@example.com;Delhi;200\n");
            vm.open(csv);
            assertEquals(ImportViewModel.Phase.MAPPING, vm.phaseProperty().get());
            assertEquals(java.util.List.of("Nombre", "Correo", "Ciudad", "Gasto"), vm.fileColumns());
            assertTrue(vm.summaryProperty().get().contains("which column holds Name, Email"), vm.summaryProperty().get());
            assertEquals("Choose the column that holds Name.", vm.columnHintProperty().get());
            assertEquals("", vm.columnProblemProperty().get(), "nothing is wrong before anything was chosen");
            vm.useColumns();
            assertEquals(ImportViewModel.Phase.MAPPING, vm.phaseProperty().get(), "not while a required field has no column");

            column(vm, "name").set("Nombre");
            column(vm, "email").set("Nombre");
            assertEquals("The column \"Nombre\" is chosen for two fields; choose one column per field.",
                    vm.columnProblemProperty().get());
            column(vm, "email").set("Correo");
            column(vm, "city").set("Ciudad");
            assertEquals("", vm.columnProblemProperty().get());
            assertEquals("", vm.columnHintProperty().get());
            vm.useColumns();
            assertEquals(ImportViewModel.Phase.READY, vm.phaseProperty().get(), vm.summaryProperty().get());
            assertTrue(vm.summaryProperty().get().startsWith("Ready: 2 to create, 0 to update, 0 rows rejected"),
                    vm.summaryProperty().get());
            vm.startImport();
            assertEquals(2, store.customers().count(CustomerQuery.all()));
            assertEquals("Pune", store.customers().findByEmail("asha@example.com").orElseThrow().city());
        }
    }

    private static javafx.beans.property.StringProperty column(ImportViewModel vm, String field) {
        return vm.columnRows().stream().filter(r -> r.field().equals(field)).findFirst().orElseThrow().column();
    }
}
