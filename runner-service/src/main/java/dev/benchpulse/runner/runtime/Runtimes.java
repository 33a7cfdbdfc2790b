package dev.benchpulse.runner.runtime;

import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.RuntimeProperties.RuntimeSpec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The configured PHP runtimes as probed. Every runtime is probed at start-up; one found unavailable is probed
 * again when it is asked for (at most every {@code RETRY_INTERVAL}), so a container started after the runner is
 * picked up. A probe starts a PHP process and waits for it, so on a thread that must not block (a Netty event loop
 * answering an HTTP request) it runs in the background instead, and the caller gets the state known so far.
 */
public class Runtimes {

    private static final Logger log = LoggerFactory.getLogger(Runtimes.class);
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);

    private final RuntimeProbe probe;
    private final Clock clock;
    private final Map<String, PhpRuntime> byId = new ConcurrentHashMap<>();
    private final Map<String, Instant> probedAt = new ConcurrentHashMap<>();
    private final Set<String> probing = ConcurrentHashMap.newKeySet();
    private final List<String> order;

    public Runtimes(RuntimeProperties properties, ProcessRunner processes, Clock clock) {
        this.probe = new RuntimeProbe(processes, properties.execution().probeTimeout());
        this.clock = clock;
        this.order = properties.runtimes().stream().map(RuntimeSpec::id).toList();
        checkIds(order);
        properties.runtimes().parallelStream().map(Runtimes::configured).forEach(this::probeAndStore);
        order.stream().map(byId::get).forEach(r -> log.info("Runtime {} ({}): {}", r.id(), r.commandLine(), r.available()
                ? "PHP " + r.phpVersion() + (r.jit() ? " with JIT" : "") + (r.reason() == null ? "" : "; " + r.reason())
                : "unavailable: " + r.reason()));
    }

    /** Every configured runtime, in configuration order (unavailable ones probed again when due). */
    public List<PhpRuntime> all() {
        return order.stream().map(id -> find(id).orElseThrow()).toList();
    }

    /**
     * The runtime of {@code id}, probed again first if it was unavailable; on a non-blocking thread the probe runs
     * in the background and this answers with the state known so far.
     */
    public Optional<PhpRuntime> find(String id) {
        PhpRuntime runtime = byId.get(id);
        if (runtime != null && !runtime.available()
                && probedAt.get(id).plus(RETRY_INTERVAL).isBefore(clock.instant())) {
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
            Mono.fromRunnable(() -> probeAndStore(runtime))
                    .subscribeOn(Schedulers.boundedElastic())
                    .doFinally(signal -> probing.remove(runtime.id()))
                    .subscribe(null, e -> log.warn("Probing runtime {} failed", runtime.id(), e));
        }
    }

    /** Ids of the available runtimes whose PHP is at least {@code required} (any PHP when empty). */
    public List<String> idsFor(Optional<PhpVersion> required) {
        return all().stream().filter(r -> r.canRun(required)).map(PhpRuntime::id).toList();
    }

    /**
     * Why the benchmark {@code slug}, which needs PHP {@code required}, cannot run on the runtime {@code id}
     * (unknown, unavailable, or a PHP too old), with how to fix it; empty when it can.
     */
    public Optional<String> problemRunning(String slug, Optional<PhpVersion> required, String id) {
        Optional<PhpRuntime> runtime = find(id);
        if (runtime.isEmpty()) {
            return Optional.of("unknown runtime '" + id + "'; configured runtimes: " + this + " (GET /api/runtimes)");
        }
        if (!runtime.get().available()) {
            return Optional.of("runtime '" + id + "' is unavailable: " + runtime.get().reason());
        }
        if (!runtime.get().canRun(required)) {
            List<String> able = idsFor(required);
            return Optional.of("runtime '" + id + "' runs PHP " + runtime.get().phpVersion() + " but benchmark '"
                    + slug + "' needs PHP " + required.map(v -> v.major() + "." + v.minor()).orElse("?")
                    + " or newer; "
                    + (able.isEmpty() ? "no configured runtime can run it" : "use one of: " + String.join(", ", able)));
        }
        return Optional.empty();
    }

    private PhpRuntime probeAndStore(PhpRuntime runtime) {
        PhpRuntime probed = probe.probe(runtime);
        byId.put(probed.id(), probed);
        probedAt.put(probed.id(), clock.instant());
        return probed;
    }

    private static void checkIds(List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalStateException("A runtime in benchpulse.runner.runtimes has no id: give each one an id "
                        + "such as php-8.3");
            }
            if (!seen.add(id)) {
                throw new IllegalStateException("Runtime id '" + id + "' is configured twice in "
                        + "benchpulse.runner.runtimes: ids must be unique");
            }
        }
    }

    private static PhpRuntime configured(RuntimeSpec spec) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : spec.settings()) {
            int eq = setting.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Runtime " + spec.id() + ": setting '" + setting
                        + "' is not key=value; write it like opcache.jit=tracing");
            }
            settings.put(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
        }
        String name = spec.name() == null || spec.name().isBlank() ? spec.id() : spec.name();
        return new PhpRuntime(spec.id(), name, spec.kind(), spec.command(), settings, false, "not probed yet", null,
                false);
    }

    @Override
    public String toString() {
        return all().stream().map(PhpRuntime::id).collect(Collectors.joining(", "));
    }
}
