package dev.benchpulse.launcher.drill;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The faults of the drill: what is done to which component of the running stack, through the launcher's own
 * commands ({@code ./benchpulse kill}, {@code stop}, {@code start}), or records that cannot be decoded.
 */
enum Fault {
    RUNNER_KILL("runner-kill", Kind.KILL, "runner-service", Duration.ZERO),
    RESULTS_KILL("results-kill", Kind.KILL, "results-service", Duration.ZERO),
    NOTIFIER_KILL("notifier-kill", Kind.KILL, "notifier-service", Duration.ZERO),
    HUB_KILL("hub-kill", Kind.KILL, "mercure-hub", Duration.ZERO),
    GATEWAY_KILL("gateway-kill", Kind.KILL, "gateway-frontend", Duration.ZERO),
    KAFKA_KILL("kafka-kill", Kind.KILL, "kafka", Duration.ZERO),
    POSTGRES_OUTAGE("postgres-outage", Kind.OUTAGE, "postgres", Duration.ofSeconds(60)),
    HUB_OUTAGE("hub-outage", Kind.OUTAGE, "mercure-hub", Duration.ofSeconds(30)),
    POISON("poison", Kind.POISON, null, Duration.ZERO);

    /** What the fault does. */
    enum Kind {
        /** SIGKILL to the component's process tree; the launcher restarts it. */
        KILL,
        /** The component stopped, held down for the fault's duration, then started again. */
        OUTAGE,
        /** A record that cannot be decoded on each topic. */
        POISON
    }

    /** What CI runs: the PostgreSQL outage and the runner kill. */
    static final String CI = "postgres-outage,runner-kill";

    private final String id;
    private final Kind kind;
    private final String component;
    private final Duration duration;

    Fault(String id, Kind kind, String component, Duration duration) {
        this.id = id;
        this.kind = kind;
        this.component = component;
        this.duration = duration;
    }

    String id() {
        return id;
    }

    Kind kind() {
        return kind;
    }

    String component() {
        return component;
    }

    Duration duration() {
        return duration;
    }

    /** What was done, for the report. */
    String description() {
        return switch (kind) {
            case KILL ->
                "SIGKILL of " + component + " (./benchpulse kill " + component + "), restarted by the launcher";
            case OUTAGE -> component + " stopped for " + duration.toSeconds() + " s (./benchpulse stop, then start)";
            case POISON -> "an undecodable record on each topic of the registry (Topics.all())";
        };
    }

    /** The faults named in {@code selection} (ids separated by commas, or {@code all}), in declaration order. */
    static List<Fault> selected(String selection) {
        if (selection == null || selection.isBlank()) {
            selection = CI;
        }
        List<String> ids = Arrays.stream(selection.split(",")).map(String::trim).toList();
        List<Fault> faults = Stream.of(values())
                .filter(f -> ids.contains("all") || ids.contains(f.id))
                .toList();
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("No fault in '" + selection + "'; known: all, "
                    + String.join(", ", Stream.of(values()).map(Fault::id).toList()));
        }
        return faults;
    }

    @Override
    public String toString() {
        return id;
    }
}
