package dev.benchpulse.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The runner's package rules: features ({@code catalog}, {@code runtime}, {@code run}, …) depend on each other
 * without cycles and never on the wiring package {@code system}, which depends on them; the root package holds only
 * the application class; {@code process} is a generic utility that knows nothing of PHP or of the runner.
 */
@AnalyzeClasses(packages = "dev.benchpulse.runner", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    static final String ROOT = "dev.benchpulse.runner";
    static final String WIRING = "dev.benchpulse.runner.system..";

    @ArchTest
    static final ArchRule there_are_no_package_cycles =
            slices().matching("dev.benchpulse.runner.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule feature_packages_do_not_depend_on_the_wiring_package = noClasses()
            .that()
            .resideOutsideOfPackage(WIRING)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(WIRING);

    @ArchTest
    static final ArchRule the_root_package_holds_only_the_application = classes()
            .that()
            .resideInAPackage(ROOT)
            .should()
            .haveSimpleName(RunnerServiceApplication.class.getSimpleName());

    @ArchTest
    static final ArchRule the_process_package_knows_nothing_of_php_or_the_runner = classes()
            .that()
            .resideInAPackage("dev.benchpulse.runner.process..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.benchpulse.runner.process..", "java..");
}
