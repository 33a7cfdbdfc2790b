package dev.benchpulse.launcher.up;

import dev.benchpulse.launcher.config.StackLayout;
import dev.benchpulse.launcher.config.StackSettings;
import dev.benchpulse.launcher.supervision.StackConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code up} command, {@code ./benchpulse up}: starts the whole system on this machine and keeps it running
 * until Ctrl-C. Its options, checked and turned into {@link StackSettings}; a {@link Launch} does the rest.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Starts Kafka, PostgreSQL, the Mercure hub and the four services, each as its own process, "
                    + "and prints the dashboard URL once all are healthy. Ctrl-C (or SIGTERM) stops them all.",
            "State (Kafka log, PostgreSQL data, hub keys, logs) lives in .benchpulse/ and survives restarts."
        },
        footer = {
            "",
            "Environment: BENCHPULSE_<NAME>_PORT for each port (e.g. BENCHPULSE_GATEWAY_PORT=9080),",
            "BENCHPULSE_STATE_DIR, BENCHPULSE_CACHE_DIR, BENCHPULSE_JAVA_OPTS, BENCHPULSE_CDS=false,",
            "BENCHPULSE_DATABASE_URL=postgresql://user:password@host:5432/db (an existing PostgreSQL; also",
            "BENCHPULSE_DATABASE_USERNAME and _PASSWORD), BENCHPULSE_KAFKA_BOOTSTRAP_SERVERS=host:9092 (an existing",
            "Kafka). Details: docs/operations.md"
        })
public final class LaunchCommand implements Callable<Integer> {

    /** Each instance is a JVM of its own on this machine. */
    private static final int MAX_HUBS = 9;

    @Spec
    CommandSpec spec;

    @Option(names = "--fresh", description = "Start clean: delete the Kafka log, PostgreSQL data, hub keys and logs.")
    boolean fresh;

    @Option(
            names = "--state-dir",
            paramLabel = "<dir>",
            defaultValue = "${env:BENCHPULSE_STATE_DIR}",
            description = "Where the stack keeps its state (default: .benchpulse in the repository).")
    Path stateDir;

    @Option(
            names = "--cache-dir",
            paramLabel = "<dir>",
            defaultValue = "${env:BENCHPULSE_CACHE_DIR}",
            description = "Where unpacked binaries and jars go (default: <state-dir>/cache).")
    Path cacheDir;

    @Option(
            names = "--home",
            paramLabel = "<dir>",
            hidden = true,
            defaultValue = "${sys:benchpulse.home:-${env:BENCHPULSE_HOME:-.}}",
            description = "The Benchpulse repository (set by ./benchpulse).")
    Path home;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "<component>",
            description = "Start only these components: kafka, postgres, mercure-hub, runner-service, "
                    + "results-service, notifier-service, gateway-frontend.")
    List<String> only = List.of();

    @Mixin
    PortOptions ports;

    @Option(
            names = "--bind-address",
            defaultValue = "${env:BENCHPULSE_BIND_ADDRESS:-127.0.0.1}",
            paramLabel = "<address>",
            description = "Where the gateway (dashboard and API) listens (default: "
                    + "${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it to the network). The hub and the services "
                    + "always listen on 127.0.0.1.")
    String bindAddress;

    @Option(
            names = "--database-url",
            defaultValue = "${env:BENCHPULSE_DATABASE_URL}",
            paramLabel = "<url>",
            description = "Use this existing PostgreSQL instead of the embedded one.")
    String databaseUrl;

    @Option(
            names = "--kafka-bootstrap-servers",
            defaultValue = "${env:BENCHPULSE_KAFKA_BOOTSTRAP_SERVERS}",
            paramLabel = "<host:port>",
            description = "Use this existing Kafka instead of the embedded broker.")
    String kafkaBootstrap;

    @Option(
            names = "--java-options",
            defaultValue = "${env:BENCHPULSE_JAVA_OPTS}",
            paramLabel = "<options>",
            description = "Extra JVM options for the hub and the services (after the defaults).")
    String javaOptions;

    @Option(
            names = "--cds",
            negatable = true,
            defaultValue = "${env:BENCHPULSE_CDS:-true}",
            fallbackValue = "true",
            description = "Class-data-sharing archives for the JVMs, made by a training run of each service when the "
                    + "stack is prepared (Kafka's at its first exit): faster starts and stops (default: on; --no-cds "
                    + "for one-off stacks such as tests).")
    boolean classDataSharing;

    @Option(
            names = "--prepare-only",
            description = "Only prepare what a new build needs (unpacked service jars, "
                    + "class-data-sharing archives from a training run of each service), then exit; ./benchpulse does this "
                    + "right after it builds. Without it, up prepares whatever is missing before it starts the stack.")
    boolean prepareOnly;

    @Option(
            names = "--hubs",
            defaultValue = "${env:BENCHPULSE_HUBS:-1}",
            paramLabel = "<n>",
            description = "Mercure hub instances (default: ${DEFAULT-VALUE}, history in memory). From 2 on they form a "
                    + "cluster over Kafka on consecutive ports from --hub-port (mercure-hub, mercure-hub-2, ...), the "
                    + "notifier writes to the cluster's topic and the gateway spreads subscribers over the instances.")
    int hubs;

    @Option(
            names = "--start-timeout",
            defaultValue = "180",
            paramLabel = "<seconds>",
            description = "How long a component may take to become healthy (default: ${DEFAULT-VALUE}).")
    int startTimeoutSeconds;

    @Option(
            names = "--stop-timeout",
            defaultValue = "30",
            paramLabel = "<seconds>",
            description = "How long a component may take to stop before it is killed (default: ${DEFAULT-VALUE}).")
    int stopTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        StackSettings settings = settings();
        StackConsole console =
                new StackConsole(spec.commandLine().getOut(), settings.layout().logs());
        return new Launch(settings, console).run();
    }

    StackSettings settings() {
        Path repository = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(repository.resolve("launcher"))) {
            throw new ParameterException(
                    spec.commandLine(),
                    repository + " is not the Benchpulse repository: run "
                            + "./benchpulse from the repository, or pass --home.");
        }
        if (hubs < 1 || hubs > MAX_HUBS) {
            throw new ParameterException(
                    spec.commandLine(), "--hubs must be between 1 and " + MAX_HUBS + ", was " + hubs + ".");
        }
        Set<String> components = new HashSet<>(only);
        components.removeAll(ComponentPlan.names(hubs));
        if (!components.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Unknown component(s) for --only: " + components + ". Known: "
                            + String.join(", ", ComponentPlan.names(hubs)));
        }
        Path state = stateDir != null ? stateDir : repository.resolve(".benchpulse");
        Path cache = cacheDir != null ? cacheDir : state.resolve("cache");
        return new StackSettings(
                new StackLayout(repository, state, cache),
                ports.ports(),
                fresh,
                Set.copyOf(only),
                Duration.ofSeconds(startTimeoutSeconds),
                Duration.ofSeconds(stopTimeoutSeconds),
                split(javaOptions),
                blankToEmpty(databaseUrl),
                blankToEmpty(System.getenv("BENCHPULSE_DATABASE_USERNAME")),
                Optional.ofNullable(System.getenv("BENCHPULSE_DATABASE_PASSWORD")),
                blankToEmpty(kafkaBootstrap),
                classDataSharing,
                bindAddress,
                prepareOnly,
                hubs);
    }

    private static List<String> split(String options) {
        return options == null || options.isBlank()
                ? List.of()
                : Arrays.stream(options.trim().split("\\s+")).toList();
    }

    private static Optional<String> blankToEmpty(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
