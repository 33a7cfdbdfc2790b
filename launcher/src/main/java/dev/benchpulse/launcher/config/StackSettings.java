package dev.benchpulse.launcher.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code ./benchpulse up} was asked for.
 *
 * @param layout            where the stack's files live
 * @param ports             the ports to listen on
 * @param fresh             start from empty state (Kafka log, PostgreSQL data, hub keys, logs)
 * @param only              start only these components (empty: all)
 * @param startTimeout      how long a component may take to become healthy
 * @param stopTimeout       how long a component may take to stop before it is killed
 * @param javaOptions       JVM options of the hub and the services (Kafka has its own)
 * @param databaseUrl       an existing PostgreSQL to use instead of the embedded one
 * @param databaseUser      user for {@code databaseUrl} when the URL carries none
 * @param databasePassword  password for {@code databaseUrl} when the URL carries none
 * @param kafkaBootstrap    an existing Kafka to use instead of the embedded broker
 * @param classDataSharing  give the JVMs class-data-sharing archives (the services' made by a training run when
 *                          the stack is prepared, Kafka's at its first exit)
 * @param bindAddress       the address the gateway listens on (the hub and the services stay on loopback)
 * @param prepareOnly       only prepare (unpack the jars, train the archives), start nothing
 * @param hubs              hub instances: one with its history in memory, or several forming a cluster over Kafka
 */
public record StackSettings(
        StackLayout layout,
        Ports ports,
        boolean fresh,
        Set<String> only,
        Duration startTimeout,
        Duration stopTimeout,
        List<String> javaOptions,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Optional<String> kafkaBootstrap,
        boolean classDataSharing,
        String bindAddress,
        boolean prepareOnly,
        int hubs) {

    public StackSettings {
        only = Set.copyOf(only);
        javaOptions = List.copyOf(javaOptions);
    }

    /** Whether the named component is to be started. */
    public boolean wants(String component) {
        return only.isEmpty() || only.contains(component);
    }
}
