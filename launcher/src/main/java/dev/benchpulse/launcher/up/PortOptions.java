package dev.benchpulse.launcher.up;

import dev.benchpulse.cli.api.ApiOptions;
import dev.benchpulse.launcher.config.Ports;
import picocli.CommandLine.Option;

/** The ports of {@code ./benchpulse up}, each an option and a {@code BENCHPULSE_<NAME>_PORT} variable. */
final class PortOptions {

    /** The CLI's default: a stack started with the defaults is where the client looks. */
    @Option(
            names = "--gateway-port",
            defaultValue = "${env:BENCHPULSE_GATEWAY_PORT:-" + ApiOptions.DEFAULT_GATEWAY_PORT + "}",
            paramLabel = "<port>",
            description = "Port of the gateway: dashboard and API (default: ${DEFAULT-VALUE}).")
    int gatewayPort;

    @Option(
            names = "--runner-port",
            defaultValue = "${env:BENCHPULSE_RUNNER_PORT:-8081}",
            paramLabel = "<port>",
            description = "Port of runner-service (default: ${DEFAULT-VALUE}).")
    int runnerPort;

    @Option(
            names = "--results-port",
            defaultValue = "${env:BENCHPULSE_RESULTS_PORT:-8082}",
            paramLabel = "<port>",
            description = "Port of results-service (default: ${DEFAULT-VALUE}).")
    int resultsPort;

    @Option(
            names = "--notifier-port",
            defaultValue = "${env:BENCHPULSE_NOTIFIER_PORT:-8083}",
            paramLabel = "<port>",
            description = "Port of notifier-service (default: ${DEFAULT-VALUE}).")
    int notifierPort;

    @Option(
            names = "--hub-port",
            defaultValue = "${env:BENCHPULSE_HUB_PORT:-3000}",
            paramLabel = "<port>",
            description = "Port of the Mercure hub (default: ${DEFAULT-VALUE}).")
    int hubPort;

    @Option(
            names = "--kafka-port",
            defaultValue = "${env:BENCHPULSE_KAFKA_PORT:-9092}",
            paramLabel = "<port>",
            description = "Port of Kafka's client listener (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--kafka-controller-port",
            defaultValue = "${env:BENCHPULSE_KAFKA_CONTROLLER_PORT:-9093}",
            paramLabel = "<port>",
            description = "Port of Kafka's controller listener (default: ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(
            names = "--postgres-port",
            defaultValue = "${env:BENCHPULSE_POSTGRES_PORT:-15432}",
            paramLabel = "<port>",
            description = "Port of PostgreSQL (default: ${DEFAULT-VALUE}).")
    int postgresPort;

    Ports ports() {
        return new Ports(
                gatewayPort,
                runnerPort,
                resultsPort,
                notifierPort,
                hubPort,
                kafkaPort,
                kafkaControllerPort,
                postgresPort);
    }
}
