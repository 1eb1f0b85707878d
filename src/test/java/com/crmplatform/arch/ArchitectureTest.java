package com.crmplatform.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the code: dependencies run one way (views → view-models → services → repository
 * interfaces ← store adapters → store infrastructure and the shared kernel), the core is free of
 * JavaFX and of the console, and view-models talk to services only.
 */
@AnalyzeClasses(packages = "com.crmplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"com.crmplatform.customer", "com.crmplatform.order", "com.crmplatform.segment",
        "com.crmplatform.campaign", "com.crmplatform.delivery", "com.crmplatform.ai", "com.crmplatform.sync..",
        "com.crmplatform.store..", "com.crmplatform.importexport", "com.crmplatform.auth..", "com.crmplatform.config..",
        "com.crmplatform.app", "com.crmplatform.cli..", "com.crmplatform.bench.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.crmplatform.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreImportsNoJavaFx = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.kordamp.ikonli..");

    @ArchTest
    static final ArchRule coreDoesNotDependOnTheUi = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("..ui..", "com.crmplatform.desktop..");

    @ArchTest
    static final ArchRule theSharedKernelDependsOnNoFeature = noClasses().that().resideInAnyPackage("com.crmplatform.store..")
            .should().dependOnClassesThat().resideInAnyPackage("com.crmplatform.customer..", "com.crmplatform.order..",
                    "com.crmplatform.segment..", "com.crmplatform.campaign..", "com.crmplatform.delivery..",
                    "com.crmplatform.importexport..", "com.crmplatform.ai..", "com.crmplatform.auth..", "com.crmplatform.app..")
            .because("paging, errors, money, limits and the stores' infrastructure sit below every feature");

    @ArchTest
    static final ArchRule uiTalksToServicesOnly = noClasses().that().resideInAnyPackage("..ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.crmplatform.app.Store")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.crmplatform.app.Services")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Removals")
            .because("view-models receive the services they use; the stores are the services' business");

    @ArchTest
    static final ArchRule nothingWritesToTheConsoleDirectly = noClasses().that().resideOutsideOfPackage("com.crmplatform.desktop")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("machine-readable output goes through picocli's writers and logs through SLF4J");

    @ArchTest
    static final ArchRule viewModelsNeverBuildDialogs = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Alert")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.FileChooser")
            .because("dialogs go through the injected DialogService");
}
