package dev.benchpulse.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's module and package rules, checked on the main classes of every module (this module depends on
 * all of them), so that they hold by themselves instead of by review:
 * <ul>
 * <li>the applications (the services, the hub, the CLI, the launcher, the consumer kit) never depend on each other;
 * what they share is in {@code contracts}, {@code service-support} and {@code test-support}, and those know no
 * application. The one exception is the launcher's use of the CLI's entry point, on purpose (launcher/pom.xml);</li>
 * <li>only tests use {@code test-support};</li>
 * <li>in the results service, the notifier and the hub, feature packages do not depend on the wiring package
 * ({@code system}); the runner has the same rule in its own ArchitectureTests;</li>
 * <li>the feature packages of a module depend on each other without cycles.</li>
 * </ul>
 * A module added to the repository must be named here: the first rule fails for classes of a module it does not know.
 */
@AnalyzeClasses(packages = "dev.benchpulse", importOptions = ImportOption.DoNotIncludeTests.class)
class RepositoryArchitectureTests {

    static final String CONTRACTS = "dev.benchpulse.contracts..";
    static final String SERVICE_SUPPORT = "dev.benchpulse.support..";
    static final String TEST_SUPPORT = "dev.benchpulse.testsupport..";
    static final String[] SHARED = {CONTRACTS, SERVICE_SUPPORT, TEST_SUPPORT};

    /** Each application module and the root package of its classes. */
    static final Map<String, String> APPLICATIONS = Map.of(
            "runner-service", "dev.benchpulse.runner..",
            "results-service", "dev.benchpulse.results..",
            "notifier-service", "dev.benchpulse.notifier..",
            "mercure-hub", "dev.benchpulse.hub..",
            "gateway-frontend", "dev.benchpulse.gateway..",
            "launcher", "dev.benchpulse.launcher..",
            "cli", "dev.benchpulse.cli..",
            "consumer-kit", "dev.benchpulse.kit..");

    static final String[] APPLICATION_PACKAGES = APPLICATIONS.values().toArray(String[]::new);

    @ArchTest
    static final ArchRule every_class_belongs_to_a_known_module = classes()
            .that()
            .resideInAPackage("dev.benchpulse..")
            .should()
            .resideInAnyPackage(Stream.concat(Stream.of(SHARED), Stream.of(APPLICATION_PACKAGES))
                    .toArray(String[]::new))
            .because("a new module must be given its place in these rules");

    @ArchTest
    static final ArchRule applications_never_depend_on_each_other = slices().matching("dev.benchpulse.(*)..")
            .namingSlices("dev.benchpulse.$1")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage(SHARED))
            .ignoreDependency(resideInAPackage("dev.benchpulse.launcher.."), resideInAPackage("dev.benchpulse.cli.."))
            .because("what applications share belongs in contracts, service-support or test-support");

    @ArchTest
    static final ArchRule the_shared_modules_know_no_application = noClasses()
            .that()
            .resideInAnyPackage(SHARED)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(APPLICATION_PACKAGES);

    @ArchTest
    static final ArchRule contracts_stand_alone = noClasses()
            .that()
            .resideInAPackage(CONTRACTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(SERVICE_SUPPORT, TEST_SUPPORT)
            .because("contracts is the one jar another team needs to read Benchpulse's topics");

    @ArchTest
    static final ArchRule only_tests_use_test_support = noClasses()
            .that()
            .resideOutsideOfPackage(TEST_SUPPORT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(TEST_SUPPORT);

    @ArchTest
    static final ArchRule feature_packages_do_not_depend_on_the_wiring_package = CompositeArchRule.of(
                    featuresDoNotDependOnWiring("dev.benchpulse.results", "system"))
            .and(featuresDoNotDependOnWiring("dev.benchpulse.notifier", "system"))
            .and(featuresDoNotDependOnWiring("dev.benchpulse.hub", "system"));

    @ArchTest
    static final ArchRule there_are_no_package_cycles = slices().matching("dev.benchpulse.(*).(*)..")
            .namingSlices("dev.benchpulse.$1.$2")
            .should()
            .beFreeOfCycles();

    private static ArchRule featuresDoNotDependOnWiring(String root, String wiring) {
        String wiringPackage = root + "." + wiring + "..";
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(wiringPackage)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(wiringPackage)
                .because("the wiring package assembles the features; a feature that reaches back into it ties "
                        + "every feature to all the others");
    }
}
