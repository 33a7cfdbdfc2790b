package dev.benchpulse.launcher.supervision;

import dev.benchpulse.launcher.process.ComponentProcess;
import java.util.List;
import java.util.Optional;

/**
 * One part of the local stack: the Kafka broker, PostgreSQL, the hub or a service. Most run as a process of their
 * own; an external Kafka or PostgreSQL is only checked.
 */
public interface Component {

    /** Its name in messages, logs ({@code logs/<name>.log}) and {@code --only}. */
    String name();

    /** Where to reach it, as printed when it is ready. */
    String address();

    /** The ports it will listen on, checked before anything starts; none for a component that runs elsewhere. */
    default List<PortUse> ports() {
        return List.of();
    }

    /** Whether what {@link #prepare()} does is done already (always, by default). */
    default boolean isPrepared() throws Exception {
        return true;
    }

    /**
     * Does what can be done once per build, before any start and without the other components: unpacking, a
     * class-data-sharing training run. Nothing by default.
     */
    default void prepare() throws Exception {}

    /** Starts it; empty (the default) for a component that runs elsewhere. Blocks only while files are prepared. */
    default Optional<ComponentProcess> start() throws Exception {
        return Optional.empty();
    }

    /** Returns once it is healthy; throws {@link ComponentFailure} when it is not within the readiness deadline. */
    void awaitReady(Readiness readiness) throws Exception;

    /**
     * Whether it answers right now, for {@code ./benchpulse status}: a quick check (a few seconds at most), true by
     * default. An exception counts as not healthy.
     */
    default boolean isHealthy() throws Exception {
        return true;
    }

    /**
     * A port a component listens on, and how the user changes it.
     *
     * @param port   the port number
     * @param option the {@code ./benchpulse up} option that sets it
     */
    record PortUse(int port, String option) {}
}
