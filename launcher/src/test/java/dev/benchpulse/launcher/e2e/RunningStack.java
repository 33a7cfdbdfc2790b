package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.BenchpulseCli;
import dev.benchpulse.launcher.config.Ports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The whole local stack, started once per test JVM by {@link RunningStackExtension} and stopped when the JVM's tests
 * are done (which then checks that no process is left). What end-to-end tests need to drive it: its URLs, its Kafka
 * and PostgreSQL, its hub keys, and the CLI pointed at its gateway.
 */
public final class RunningStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LaunchedStack launched;
    private final OtlpSink traces;

    private RunningStack(LaunchedStack launched, OtlpSink traces) {
        this.launched = launched;
        this.traces = traces;
    }

    /** Starts the stack with every trace sampled and exported to an {@link OtlpSink} of this JVM. */
    static RunningStack start() {
        Path state = LaunchedStack.freshStateDir("full-stack");
        OtlpSink traces = OtlpSink.start();
        String tracing = "-Dmanagement.tracing.sampling.probability=1.0"
                + " -Dmanagement.opentelemetry.tracing.export.otlp.endpoint=" + traces.endpoint()
                + " -Dmanagement.opentelemetry.tracing.export.schedule-delay=500ms";
        return new RunningStack(
                LaunchedStack.start("full-stack", state, FreePorts.forStack(), "--java-options", tracing)
                        .awaitUp(START_TIMEOUT),
                traces);
    }

    /** The spans the stack's services exported. */
    OtlpSink traces() {
        return traces;
    }

    public LaunchedStack launched() {
        return launched;
    }

    public Ports ports() {
        return launched.ports();
    }

    /** The one URL users open. */
    public String gatewayUrl() {
        return "http://localhost:" + ports().gateway();
    }

    public String hubUrl() {
        return "http://localhost:" + ports().hub() + "/.well-known/mercure";
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports().kafka();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports().postgres() + "/benchpulse";
    }

    /** The hub's keys as the stack generated them (to mint tokens in tests). */
    public Properties keys() throws IOException {
        Properties keys = new Properties();
        keys.load(Files.newBufferedReader(launched.stateDir().resolve("keys.env")));
        return keys;
    }

    /** {@code GET path} on the gateway. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST path} on the gateway with a JSON body. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runs a {@code benchpulse} client command against this stack's gateway, in this JVM. */
    public CliRun cli(String... arguments) {
        return cliAt(gatewayUrl(), arguments);
    }

    /** Runs a {@code benchpulse} client command against the gateway at {@code gatewayUrl}, in this JVM. */
    static CliRun cliAt(String gatewayUrl, String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.addAll(List.of("--url", gatewayUrl));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = BenchpulseCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Stops the stack and checks it stopped cleanly, the services before the infrastructure. */
    @Override
    public void close() throws InterruptedException {
        launched.stop();
        traces.close();
        launched.assertNoProcessLeft(Duration.ofSeconds(30));
        assertThat(launched.outputLines())
                .containsSubsequence(
                        "Stopping runner-service, results-service, notifier-service, gateway-frontend ...",
                        "Stopping kafka, postgres, mercure-hub ...");
    }

    /**
     * What one CLI command did.
     *
     * @param exitCode its exit code
     * @param out      its standard output
     * @param err      its standard error
     */
    public record CliRun(int exitCode, String out, String err) {}
}
