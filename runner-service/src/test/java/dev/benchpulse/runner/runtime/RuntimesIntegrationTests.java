package dev.benchpulse.runner.runtime;

import static dev.benchpulse.runner.TestFixtures.local;
import static dev.benchpulse.runner.TestFixtures.properties;
import static dev.benchpulse.runner.TestFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.process.ProcessResult;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;
import dev.benchpulse.testsupport.Php;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Probing runtimes by running them. */
class RuntimesIntegrationTests {

    @Test
    void detects_the_php_version_and_whether_the_jit_is_really_on() {
        Runtimes runtimes = TestFixtures.runtimes(local("php", List.of()), local("php-jit", TestFixtures.JIT_SETTINGS));

        PhpRuntime php = runtimes.find("php").orElseThrow();
        PhpRuntime jit = runtimes.find("php-jit").orElseThrow();
        assertThat(php.available()).isTrue();
        assertThat(php.phpVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(php.jit()).isFalse();
        assertThat(jit.jit()).isTrue();
        assertThat(jit.reason()).isNull();
        assertThat(runtimes.all()).extracting(PhpRuntime::id).containsExactly("php", "php-jit");
    }

    @Test
    void warns_when_the_jit_is_requested_but_not_on() {
        PhpRuntime runtime =
                TestFixtures.runtime(local("half-jit", List.of("opcache.enable_cli=0", "opcache.jit=tracing")));

        assertThat(runtime.available()).isTrue();
        assertThat(runtime.jit()).isFalse();
        assertThat(runtime.reason()).startsWith("JIT requested but not on: set opcache.enable_cli=1");
    }

    @Test
    void a_container_that_is_not_running_is_unavailable_with_how_to_fix_it() {
        PhpRuntime runtime = TestFixtures.runtime(spec(
                "php-8.1",
                Kind.CONTAINER,
                List.of(
                        "sh",
                        "-c",
                        "echo 'Error response from daemon: No such container: benchpulse-php-8.1' >&2; exit 1",
                        "sh"),
                List.of()));

        assertThat(runtime.available()).isFalse();
        assertThat(runtime.phpVersion()).isNull();
        assertThat(runtime.reason())
                .contains(
                        "failed (exit 1)",
                        "No such container: benchpulse-php-8.1",
                        "Start the PHP containers (docker compose up -d)");
    }

    @Test
    void an_unavailable_runtime_is_probed_again_when_asked_for_so_a_late_container_is_picked_up(@TempDir Path dir)
            throws Exception {
        Path late = dir.resolve("php");
        MutableClock clock = new MutableClock();
        RuntimeProperties properties = properties(spec("late", Kind.LOCAL, List.of(late.toString()), List.of()));
        Runtimes runtimes = new Runtimes(properties, new ProcessRunner(65536), clock);
        assertThat(runtimes.find("late"))
                .get()
                .extracting(PhpRuntime::available)
                .isEqualTo(false);

        Files.createSymbolicLink(late, Php.binary());
        assertThat(runtimes.find("late"))
                .as("not before the retry interval")
                .get()
                .extracting(PhpRuntime::available)
                .isEqualTo(false);
        clock.advance(Runtimes.RETRY_INTERVAL.plusSeconds(1));

        assertThat(runtimes.find("late"))
                .get()
                .extracting(PhpRuntime::available)
                .isEqualTo(true);
    }

    @Test
    void asked_on_an_event_loop_an_unavailable_runtime_is_probed_again_in_the_background(@TempDir Path dir)
            throws Exception {
        Path late = dir.resolve("php");
        MutableClock clock = new MutableClock();
        RuntimeProperties properties = properties(spec("late", Kind.LOCAL, List.of(late.toString()), List.of()));
        Runtimes runtimes = new Runtimes(properties, new ProcessRunner(65536), clock);
        Files.createSymbolicLink(late, Php.binary());
        clock.advance(Runtimes.RETRY_INTERVAL.plusSeconds(1));

        // BlockHound fails a probe (a PHP process waited for) on a non-blocking thread
        Mono<Optional<PhpRuntime>> onEventLoop =
                Mono.fromCallable(() -> runtimes.find("late")).subscribeOn(Schedulers.parallel());
        assertThat(onEventLoop.block())
                .get()
                .extracting(PhpRuntime::available)
                .as("known so far")
                .isEqualTo(false);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(onEventLoop.block())
                        .get()
                        .extracting(PhpRuntime::available)
                        .isEqualTo(true));
    }

    @Test
    void says_why_a_benchmark_cannot_run_on_a_runtime() {
        Runtimes runtimes = TestFixtures.runtimes(local("php", List.of()));

        assertThat(runtimes.problemRunning("x", PhpCompatibility.ANY, "php")).isEmpty();
        assertThat(runtimes.problemRunning("x", PhpCompatibility.atLeast(PhpVersion.parse("99.1"), null), "php"))
                .get()
                .asString()
                .contains("benchmark 'x' needs PHP 99.1 or newer; no configured runtime can run it");
        assertThat(runtimes.problemRunning("x", PhpCompatibility.ANY, "nope"))
                .get()
                .asString()
                .startsWith("unknown runtime 'nope'; configured runtimes: php");
    }

    @Test
    void refuses_a_configuration_with_a_duplicate_id() {
        assertThatThrownBy(() -> TestFixtures.runtimes(local("php", List.of()), local("php", List.of())))
                .hasMessageContaining("Runtime id 'php' is configured twice");
    }

    @Test
    void every_runtime_starts_without_a_php_ini_with_the_standard_extensions_and_settings() throws Exception {
        PhpRuntime php = TestFixtures.runtime(local("php", List.of()));

        assertThat(php.startOptions()).first().isEqualTo("-n");
        assertThat(php.settings()).containsEntry("zend.assertions", "-1").containsEntry("opcache.enable_cli", "0");
        assertThat(php.origin().source()).isEqualTo("configured");
        ProcessResult result = new ProcessRunner(65536)
                .run(
                        php.argv(
                                Map.of(),
                                List.of(
                                        "-r",
                                        "echo json_encode([php_ini_loaded_file(), ini_get('zend.assertions'), extension_loaded('ctype'),"
                                                + " extension_loaded('Zend OPcache'), (bool) ini_get('opcache.enable_cli')]);")),
                        new byte[0],
                        Duration.ofSeconds(15),
                        Cancellation.none());
        assertThat(result.stdout().strip()).isEqualTo("[false,\"-1\",true,true,false]");
    }

    @Test
    void a_standard_extension_this_php_lacks_is_a_warning_not_a_failure() {
        RuntimeProperties defaults = properties(local("php", List.of()));
        RuntimeProperties properties = new RuntimeProperties(
                defaults.runtimes(),
                defaults.execution(),
                new RuntimeProperties.Standard(
                        List.of("ctype", "nosuchext"), defaults.standard().settings()),
                defaults.installed());

        PhpRuntime php = new Runtimes(properties, new ProcessRunner(65536), Clock.systemUTC())
                .find("php")
                .orElseThrow();

        assertThat(php.available()).isTrue();
        assertThat(php.reason()).contains("extension nosuchext not available", "benchmarks using it fail");
    }

    @Test
    void installed_versions_are_runtimes_from_8_0_with_a_jit_twin_after_the_configured_ones(@TempDir Path dir)
            throws Exception {
        FakeInstall.install(dir, "8.2");
        FakeInstall.install(dir, "7.4");
        Files.createDirectories(dir.resolve(".8.3.partial-1/bin")); // an interrupted install is not a version

        Runtimes runtimes =
                new Runtimes(properties(dir, local("php", List.of())), new ProcessRunner(65536), Clock.systemUTC());

        assertThat(runtimes.all())
                .extracting(PhpRuntime::id)
                .containsExactly("php", "php-7.4", "php-8.2", "php-8.2-jit");
        PhpRuntime jit = runtimes.find("php-8.2-jit").orElseThrow();
        assertThat(jit.jit()).isTrue();
        assertThat(jit.name()).isEqualTo("PHP 8.2 (opcache JIT)");
        assertThat(jit.origin().npmPackage()).isEqualTo("@test/php-8.2@1.0.0");
        assertThat(jit.commandLine()).endsWith("8.2/bin/php");
    }

    @Test
    void a_version_installed_or_removed_later_is_picked_up_by_a_rescan(@TempDir Path dir) throws Exception {
        Runtimes runtimes =
                new Runtimes(properties(dir, local("php", List.of())), new ProcessRunner(65536), Clock.systemUTC());
        assertThat(runtimes.all()).extracting(PhpRuntime::id).containsExactly("php");

        Path installed = FakeInstall.install(dir, "8.4");
        runtimes.refreshInstalled();
        assertThat(runtimes.all()).extracting(PhpRuntime::id).containsExactly("php", "php-8.4", "php-8.4-jit");
        assertThat(runtimes.find("php-8.4"))
                .get()
                .extracting(PhpRuntime::available)
                .isEqualTo(true);

        org.springframework.util.FileSystemUtils.deleteRecursively(installed);
        runtimes.refreshInstalled();
        assertThat(runtimes.all()).extracting(PhpRuntime::id).containsExactly("php");
        assertThat(runtimes.find("php-8.4")).isEmpty();
    }

    @Test
    void an_installed_version_whose_id_is_configured_is_not_offered_twice(@TempDir Path dir) throws Exception {
        FakeInstall.install(dir, "8.2");

        Runtimes runtimes =
                new Runtimes(properties(dir, local("php-8.2", List.of())), new ProcessRunner(65536), Clock.systemUTC());

        assertThat(runtimes.all()).extracting(PhpRuntime::id).containsExactly("php-8.2");
        assertThat(runtimes.find("php-8.2"))
                .get()
                .extracting(r -> r.origin().source())
                .isEqualTo("configured");
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
