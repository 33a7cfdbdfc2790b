package dev.benchpulse.runner;

import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.run.HarnessTemplate;
import dev.benchpulse.runner.run.RunProperties;
import dev.benchpulse.runner.run.SampleExecutor;
import dev.benchpulse.runner.run.SampleMetrics;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.RuntimeProperties;
import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;
import dev.benchpulse.runner.runtime.RuntimeProperties.RuntimeSpec;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.identity.IdentityProperties;
import dev.benchpulse.support.identity.IdentityTokens;
import dev.benchpulse.support.identity.Requester;
import dev.benchpulse.support.identity.Role;
import dev.benchpulse.testsupport.Php;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/**
 * Runtimes, executors and benchmarks for tests that run real PHP without a Spring context, and the shipped
 * settings.
 */
public final class TestFixtures {

    public static final List<String> JIT_SETTINGS =
            List.of("opcache.enable_cli=1", "opcache.jit=tracing", "opcache.jit_buffer_size=64M");

    /** The identity key of the test profile (application-test.yml): what the gateway would sign with. */
    public static final String IDENTITY_KEY = "runner-test-identity-key-0123456789abcdef01234";

    private TestFixtures() {}

    /** An identity token for this user, as the gateway signs it: the operator role (and the viewer's). */
    public static String identity(String user) {
        return new IdentityTokens(new IdentityProperties(IDENTITY_KEY, null, Duration.ofSeconds(60)), Clock.systemUTC())
                .mint(new Requester(user, Role.OPERATOR.withIncluded(), "192.0.2.1"));
    }

    public static RuntimeSpec local(String id, List<String> settings) {
        return new RuntimeSpec(id, id, List.of(Php.binary().toString()), settings, Kind.LOCAL);
    }

    public static RuntimeSpec spec(String id, Kind kind, List<String> command, List<String> settings) {
        return new RuntimeSpec(id, id, command, settings, kind);
    }

    public static RunProperties.Execution execution(Duration timeout, String memoryLimit, Path workDir) {
        return new RunProperties.Execution(timeout, memoryLimit, DataSize.ofKilobytes(64), workDir);
    }

    /** The shipped defaults with these runtimes and no installed versions. */
    public static RuntimeProperties properties(RuntimeSpec... runtimes) {
        return properties(Path.of("target", "no-installed-php"), runtimes);
    }

    /** The shipped defaults with these runtimes and the versions installed in {@code installedDir}. */
    public static RuntimeProperties properties(Path installedDir, RuntimeSpec... runtimes) {
        return new RuntimeProperties(
                List.of(runtimes),
                new RuntimeProperties.Execution(Duration.ofSeconds(15)),
                new RuntimeProperties.Standard(
                        List.of("opcache", "json", "ctype", "mbstring"),
                        List.of("zend.assertions=-1", "opcache.enable_cli=0")),
                new RuntimeProperties.Installed(installedDir, Duration.ofSeconds(5), JIT_SETTINGS));
    }

    /** Probes the given runtimes (real processes). */
    public static Runtimes runtimes(RuntimeSpec... specs) {
        return new Runtimes(properties(specs), new ProcessRunner(64 * 1024), Clock.systemUTC());
    }

    public static PhpRuntime runtime(RuntimeSpec spec) {
        return runtimes(spec).find(spec.id()).orElseThrow();
    }

    public static SampleExecutor executor(RunProperties.Execution execution) {
        return new SampleExecutor(
                HarnessTemplate.standard(),
                new ProcessRunner((int) execution.maxOutput().toBytes()),
                execution,
                new SampleMetrics(new SimpleMeterRegistry()));
    }

    /** PHP_VERSION of the local PHP. */
    public static String localPhpVersion() {
        return runtime(local("php", List.of())).phpVersion();
    }

    /**
     * A feature's settings ({@code benchpulse.runner.*}) as the shipped application.yml gives them: document 0 is
     * the local default, document 1 the {@code docker} profile.
     */
    public static <T> T shipped(Class<T> settings, int document) throws IOException {
        List<PropertySource<?>> documents =
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(documents.get(document)))
                .bindOrCreate("benchpulse.runner", settings);
    }

    public static Benchmark benchmark(String setup, String code, String teardown, int warmup, int inner) {
        return new Benchmark(
                "test-benchmark",
                "Test benchmark",
                "tests",
                "tests",
                "A benchmark for tests",
                List.of("tests"),
                null,
                null,
                null,
                warmup,
                inner,
                setup,
                code,
                teardown);
    }
}
