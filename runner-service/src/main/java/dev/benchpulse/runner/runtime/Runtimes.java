package dev.benchpulse.runner.runtime;

import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.InstalledVersions.Version;
import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;
import dev.benchpulse.runner.runtime.RuntimeProperties.RuntimeSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The PHP runtimes as probed: the configured ones, then one per PHP version installed by
 * {@code ./benchpulse php install} (and its JIT twin from 8.0 on), oldest first. Every runtime is probed at
 * start-up; one found unavailable is probed again when it is asked for (at most every {@code RETRY_INTERVAL}), so a
 * container started after the runner is picked up; {@link #refreshInstalled()} picks up versions installed or
 * removed since. A probe starts a PHP process and waits for it, so on a thread that must not block (a Netty event
 * loop answering an HTTP request) it runs in the background instead, and the caller gets the state known so far.
 */
public class Runtimes {

    private static final Logger log = LoggerFactory.getLogger(Runtimes.class);
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);

    private final RuntimeProbe probe;
    private final Clock clock;
    private final Map<String, String> standardSettings;
    private final List<String> jitSettings;
    private final InstalledVersions installed;
    private final List<String> configuredIds;
    private final Map<String, PhpRuntime> byId = new ConcurrentHashMap<>();
    private final Map<String, Instant> probedAt = new ConcurrentHashMap<>();
    private final Set<String> probing = ConcurrentHashMap.newKeySet();
    private volatile List<String> order;
    private Map<String, Version> installedBySeries = Map.of();

    public Runtimes(RuntimeProperties properties, ProcessRunner processes, Clock clock) {
        this.probe = new RuntimeProbe(
                processes,
                properties.execution().probeTimeout(),
                properties.standard().extensions());
        this.clock = clock;
        this.standardSettings =
                settings("benchpulse.runner.standard", properties.standard().settings());
        this.jitSettings = List.copyOf(properties.installed().jitSettings());
        this.installed = new InstalledVersions(properties.installed().dir());
        this.configuredIds = properties.runtimes().stream().map(RuntimeSpec::id).toList();
        checkIds(configuredIds);
        this.order = configuredIds;
        properties.runtimes().parallelStream().map(this::configured).forEach(this::probeAndStore);
        reconcileInstalled(false);
        all().forEach(r -> log.info("Runtime {} ({}): {}", r.id(), r.commandLine(), describe(r)));
    }

    /** Every runtime, configured ones first, then installed versions (unavailable ones probed again when due). */
    public List<PhpRuntime> all() {
        return order.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /**
     * The runtime of {@code id}, probed again first if it was unavailable; on a non-blocking thread the probe runs
     * in the background and this answers with the state known so far.
     */
    public Optional<PhpRuntime> find(String id) {
        PhpRuntime runtime = byId.get(id);
        Instant probed = probedAt.get(id);
        if (runtime != null
                && !runtime.available()
                && probed != null
                && probed.plus(RETRY_INTERVAL).isBefore(clock.instant())) {
            if (Schedulers.isInNonBlockingThread()) {
                probeInBackground(runtime);
            } else {
                runtime = probeAndStore(runtime);
            }
        }
        return Optional.ofNullable(runtime);
    }

    private void probeInBackground(PhpRuntime runtime) {
        if (probing.add(runtime.id())) {
            Mono.fromRunnable(() -> {
                        if (byId.containsKey(runtime.id())) { // not uninstalled meanwhile
                            probeAndStore(runtime);
                        }
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .doFinally(signal -> probing.remove(runtime.id()))
                    .subscribe(null, e -> log.warn("Probing runtime {} failed", runtime.id(), e));
        }
    }

    /** Ids of the available runtimes whose PHP the benchmark's {@code compatibility} allows. */
    public List<String> idsFor(PhpCompatibility compatibility) {
        return all().stream()
                .filter(r -> r.canRun(compatibility))
                .map(PhpRuntime::id)
                .toList();
    }

    /**
     * Why the benchmark {@code slug}, which runs on {@code compatibility}, cannot run on the runtime {@code id}
     * (unknown, unavailable, or a PHP it does not run on), with how to fix it; empty when it can.
     */
    public Optional<String> problemRunning(String slug, PhpCompatibility compatibility, String id) {
        Optional<PhpRuntime> runtime = find(id);
        if (runtime.isEmpty()) {
            return Optional.of("unknown runtime '" + id + "'; configured runtimes: " + this + " (GET /api/runtimes)");
        }
        if (!runtime.get().available()) {
            return Optional.of(
                    "runtime '" + id + "' is unavailable: " + runtime.get().reason());
        }
        if (!runtime.get().canRun(compatibility)) {
            List<String> able = idsFor(compatibility);
            return Optional.of("runtime '" + id + "' runs PHP " + runtime.get().phpVersion() + " but benchmark '"
                    + slug + "' needs " + compatibility.explain() + "; "
                    + (able.isEmpty() ? "no configured runtime can run it" : "use one of: " + String.join(", ", able)));
        }
        return Optional.empty();
    }

    /**
     * Looks at the install directory again: a version installed since becomes a runtime (probed here), one removed
     * is no longer offered, and one re-installed from another package is probed again.
     */
    public void refreshInstalled() {
        reconcileInstalled(true);
    }

    private synchronized void reconcileInstalled(boolean announce) {
        Map<String, Version> now = installed.scan().stream()
                .filter(v -> !clashes(v))
                .collect(Collectors.toMap(Version::series, v -> v, (a, b) -> a, LinkedHashMap::new));
        if (now.equals(installedBySeries)) {
            return;
        }
        Map<String, Version> before = installedBySeries;
        before.keySet().stream().filter(series -> !now.containsKey(series)).forEach(series -> {
            ids(before.get(series)).forEach(this::forget);
            log.info(
                    "PHP {} is no longer installed in {}: runtimes {} removed",
                    series,
                    installed.dir(),
                    ids(before.get(series)));
        });
        List<PhpRuntime> changed = now.values().stream()
                .filter(v -> !v.equals(before.get(v.series())))
                .flatMap(v -> specs(v).stream())
                .toList();
        changed.parallelStream().forEach(this::probeAndStore);
        order = Stream.concat(configuredIds.stream(), now.values().stream().flatMap(v -> ids(v).stream()))
                .toList();
        installedBySeries = now;
        if (announce) {
            changed.forEach(r ->
                    log.info("Installed runtime {} ({}): {}", r.id(), r.commandLine(), describe(byId.get(r.id()))));
        }
    }

    private boolean clashes(Version version) {
        List<String> taken =
                ids(version).stream().filter(configuredIds::contains).toList();
        if (!taken.isEmpty()) {
            log.warn(
                    "PHP {} in {} is not offered: runtime id(s) {} are configured in benchpulse.runner.runtimes",
                    version.series(),
                    installed.dir(),
                    taken);
        }
        return !taken.isEmpty();
    }

    private static List<String> ids(Version version) {
        return version.hasJit()
                ? List.of("php-" + version.series(), "php-" + version.series() + "-jit")
                : List.of("php-" + version.series());
    }

    private List<PhpRuntime> specs(Version version) {
        PhpRuntime.Origin origin =
                new PhpRuntime.Origin("installed", null, null, null, version.npmPackage(), version.integrity());
        List<String> command = List.of(version.launcher().toString());
        List<PhpRuntime> runtimes = new ArrayList<>();
        runtimes.add(
                runtime("php-" + version.series(), "PHP " + version.series(), Kind.LOCAL, command, List.of(), origin));
        if (version.hasJit()) {
            runtimes.add(runtime(
                    "php-" + version.series() + "-jit",
                    "PHP " + version.series() + " (opcache JIT)",
                    Kind.LOCAL,
                    command,
                    jitSettings,
                    origin));
        }
        return runtimes;
    }

    private PhpRuntime configured(RuntimeSpec spec) {
        String name = spec.name() == null || spec.name().isBlank() ? spec.id() : spec.name();
        return runtime(spec.id(), name, spec.kind(), spec.command(), spec.settings(), PhpRuntime.Origin.configured());
    }

    private PhpRuntime runtime(
            String id, String name, Kind kind, List<String> command, List<String> own, PhpRuntime.Origin origin) {
        Map<String, String> settings = new LinkedHashMap<>(standardSettings);
        settings.putAll(settings("runtime " + id, own));
        return new PhpRuntime(
                id, name, kind, command, settings, false, "not probed yet", null, false, List.of(), origin);
    }

    private PhpRuntime probeAndStore(PhpRuntime runtime) {
        PhpRuntime probed = probe.probe(runtime);
        byId.put(probed.id(), probed);
        probedAt.put(probed.id(), clock.instant());
        return probed;
    }

    private void forget(String id) {
        byId.remove(id);
        probedAt.remove(id);
    }

    private static String describe(PhpRuntime r) {
        return r.available()
                ? "PHP " + r.phpVersion() + (r.jit() ? " with JIT" : "") + (r.reason() == null ? "" : "; " + r.reason())
                : "unavailable: " + r.reason();
    }

    private static void checkIds(List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalStateException(
                        "A runtime in benchpulse.runner.runtimes has no id: give each one an id " + "such as php-8.3");
            }
            if (!seen.add(id)) {
                throw new IllegalStateException("Runtime id '" + id + "' is configured twice in "
                        + "benchpulse.runner.runtimes: ids must be unique");
            }
        }
    }

    private static Map<String, String> settings(String where, List<String> settings) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(
                        where + ": setting '" + setting + "' is not key=value; write it like opcache.jit=tracing");
            }
            parsed.put(
                    setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
        }
        return parsed;
    }

    @Override
    public String toString() {
        return String.join(", ", order);
    }
}
