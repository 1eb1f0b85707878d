package com.crmplatform.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Core code stays free of JavaFX and of the console, so the command line and tests use it as is. */
@AnalyzeClasses(packages = "com.crmplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"com.crmplatform.customer", "com.crmplatform.order", "com.crmplatform.segment",
        "com.crmplatform.campaign", "com.crmplatform.delivery",
        "com.crmplatform.store..", "com.crmplatform.importexport", "com.crmplatform.auth..", "com.crmplatform.config..",
        "com.crmplatform.cli..", "com.crmplatform.bench.."};

    @ArchTest
    static final ArchRule coreImportsNoJavaFx = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.kordamp.ikonli..");

    @ArchTest
    static final ArchRule coreDoesNotDependOnTheUi = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("..ui..");

    @ArchTest
    static final ArchRule nothingWritesToTheConsoleDirectly = noClasses().that().resideOutsideOfPackage("com.crmplatform.app")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("machine-readable output goes through picocli's writers and logs through SLF4J");

    @ArchTest
    static final ArchRule viewModelsNeverBuildDialogs = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Alert")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.FileChooser")
            .because("dialogs go through the injected DialogService");
}
