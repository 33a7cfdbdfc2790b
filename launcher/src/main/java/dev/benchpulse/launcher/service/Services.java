package dev.benchpulse.launcher.service;

import dev.benchpulse.launcher.config.Ports;
import dev.benchpulse.launcher.config.StackKeys;
import dev.benchpulse.launcher.config.StackLayout;
import dev.benchpulse.launcher.php.PhpDirectory;
import dev.benchpulse.launcher.postgres.Database;
import dev.benchpulse.launcher.process.JavaCommand;
import dev.benchpulse.launcher.service.SpringService.ServiceDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hub and the four services of the stack, each with the environment variables agreed between the modules.
 * A key goes only to the services that need it: the hub gets both of its keys, the notifier the publisher key, the
 * gateway the subscriber key; the gateway and the services the identity key. Only the gateway listens on the bind
 * address: the hub and the services stay on loopback, where only the gateway (and this machine) reaches them. With
 * several hub instances ({@code ./benchpulse up --hubs N}) they form a cluster over Kafka, the notifier writes to the
 * cluster's topic and the gateway spreads subscribers over the instances.
 */
public final class Services {

    public static final String HUB = "mercure-hub";
    public static final String RUNNER = "runner-service";
    public static final String RESULTS = "results-service";
    public static final String NOTIFIER = "notifier-service";
    public static final String GATEWAY = "gateway-frontend";

    /** Where the hub and the services listen whatever {@code --bind-address} says. */
    static final String LOOPBACK = "127.0.0.1";

    /** Start quickly and stay small: a development stack, not a benchmark of the services themselves. */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms32m",
            "-Xmx384m",
            "-Xshare:auto",
            "-XX:+ExitOnOutOfMemoryError",
            "--enable-native-access=ALL-UNNAMED",
            "-Djava.awt.headless=true");

    /** Updates a hub cluster can replay (in its Kafka topic; each instance keeps their ids, ~150 bytes each). */
    static final int CLUSTER_HISTORY = 100_000;

    private final StackLayout layout;
    private final Ports ports;
    private final JavaCommand java;
    private final List<String> javaOptions;
    private final String bindAddress;

    public Services(
            StackLayout layout, Ports ports, JavaCommand java, List<String> extraJavaOptions, String bindAddress) {
        this.layout = layout;
        this.ports = ports;
        this.java = java;
        this.bindAddress = bindAddress;
        this.javaOptions = Stream.concat(DEFAULT_JAVA_OPTIONS.stream(), extraJavaOptions.stream())
                .toList();
    }

    /** The hub requires {@code exp} in every token: tokens without one would never expire. */
    public SpringService hub(StackKeys keys) {
        return service(new ServiceDefinition(
                HUB,
                ports.hub(),
                "--hub-port",
                "/.well-known/mercure",
                Map.of(
                        "SERVER_PORT",
                        String.valueOf(ports.hub()),
                        "SERVER_ADDRESS",
                        LOOPBACK,
                        "MERCURE_PUBLISHER_JWT_KEY",
                        keys.publisher(),
                        "MERCURE_SUBSCRIBER_JWT_KEY",
                        keys.subscriber(),
                        "MERCURE_PUBLISHER_REQUIRE_EXP",
                        "true",
                        "MERCURE_SUBSCRIBER_REQUIRE_EXP",
                        "true")));
    }

    /**
     * The hub: one instance with its history in memory, or {@code count} instances of a cluster sharing the Kafka
     * topic of hub updates, on consecutive ports from the hub port, named {@code mercure-hub}, {@code mercure-hub-2}…
     */
    public List<SpringService> hubs(StackKeys keys, int count, String kafka) {
        if (count <= 1) {
            return List.of(hub(keys));
        }
        List<SpringService> hubs = new ArrayList<>();
        for (int instance = 1; instance <= count; instance++) {
            int port = hubPort(instance);
            Map<String, String> environment = new HashMap<>(hub(keys).environment());
            environment.put("SERVER_PORT", String.valueOf(port));
            environment.put("MERCURE_TRANSPORT", "kafka");
            environment.put("MERCURE_KAFKA_BOOTSTRAP_SERVERS", kafka);
            environment.put("MERCURE_HISTORY_SIZE", String.valueOf(CLUSTER_HISTORY));
            hubs.add(service(new ServiceDefinition(
                    HUB, port, "--hub-port", "/.well-known/mercure", Map.copyOf(environment), hubName(instance))));
        }
        return hubs;
    }

    /** The component name of a hub instance, 1-based. */
    public static String hubName(int instance) {
        return instance == 1 ? HUB : HUB + "-" + instance;
    }

    private int hubPort(int instance) {
        return ports.hub() + instance - 1;
    }

    public SpringService runner(String kafka, StackKeys keys) {
        return service(new ServiceDefinition(
                RUNNER,
                ports.runner(),
                "--runner-port",
                "",
                common(
                        ports.runner(),
                        kafka,
                        LOOPBACK,
                        keys,
                        Map.of(
                                "BENCHPULSE_CATALOG_DIR",
                                layout.catalog().toString(),
                                // the PHP versions of ./benchpulse php install, which the runner offers as runtimes
                                PhpDirectory.ENV,
                                PhpDirectory.resolve(layout.home(), System.getenv(PhpDirectory.ENV))
                                        .toString()))));
    }

    public SpringService results(String kafka, Database database, StackKeys keys) {
        return service(new ServiceDefinition(
                RESULTS,
                ports.results(),
                "--results-port",
                "",
                common(ports.results(), kafka, LOOPBACK, keys, database.springEnvironment())));
    }

    /** With a hub cluster ({@code hubs > 1}) the notifier produces updates straight to the cluster's topic. */
    public SpringService notifier(String kafka, StackKeys keys, int hubs) {
        return service(new ServiceDefinition(
                NOTIFIER,
                ports.notifier(),
                "--notifier-port",
                "",
                common(
                        ports.notifier(),
                        kafka,
                        LOOPBACK,
                        keys,
                        Map.of(
                                "MERCURE_PUBLISHER_JWT_KEY",
                                keys.publisher(),
                                "BENCHPULSE_HUB_TRANSPORT",
                                hubs > 1 ? "kafka" : "http"))));
    }

    /** With a hub cluster the gateway spreads subscribers over its instances (a single hub: straight to it). */
    public SpringService gateway(String kafka, StackKeys keys, int hubs) {
        List<String> instances = new ArrayList<>();
        for (int instance = 1; hubs > 1 && instance <= hubs; instance++) {
            instances.add("http://127.0.0.1:" + hubPort(instance));
        }
        return service(new ServiceDefinition(
                GATEWAY,
                ports.gateway(),
                "--gateway-port",
                "",
                common(
                        ports.gateway(),
                        kafka,
                        bindAddress,
                        keys,
                        Map.of(
                                "MERCURE_SUBSCRIBER_JWT_KEY",
                                keys.subscriber(),
                                "BENCHPULSE_HUB_INSTANCES",
                                String.join(",", instances)))));
    }

    private Map<String, String> common(
            int port, String kafka, String address, StackKeys keys, Map<String, String> own) {
        Map<String, String> environment = new HashMap<>(own);
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("SERVER_ADDRESS", address);
        environment.put("BENCHPULSE_IDENTITY_KEY", keys.identity());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
        environment.put("BENCHPULSE_HUB_URL", "http://localhost:" + ports.hub() + "/.well-known/mercure");
        environment.put("BENCHPULSE_RUNNER_URL", "http://localhost:" + ports.runner());
        environment.put("BENCHPULSE_RESULTS_URL", "http://localhost:" + ports.results());
        // ce_dataschema of the records the services publish: the schemas as this stack's gateway serves them
        environment.put("BENCHPULSE_SCHEMA_BASE_URL", "http://localhost:" + ports.gateway() + "/api/schemas/");
        return environment;
    }

    private SpringService service(ServiceDefinition definition) {
        return new SpringService(definition, layout, java, javaOptions);
    }
}
