package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.launcher.config.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack in the secured mode (users configured on the gateway through the launcher's environment), driven by
 * the CLI as a user would drive it: refused with the advice to sign in, then signed in with {@code --user}, running a
 * benchmark that the services record as that user's.
 */
class SecuredStackEndToEndIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "e2e-" + Long.toHexString(System.nanoTime());

    private static LaunchedStack stack;
    private static Path passwordFile;

    @BeforeAll
    static void start() throws IOException {
        Path state = LaunchedStack.freshStateDir("secured-stack");
        passwordFile = Files.writeString(state.resolveSibling("secured-stack.password"), PASSWORD + "\n");
        Ports ports = FreePorts.forStack();
        stack = LaunchedStack.start(
                        "secured-stack",
                        state,
                        ports,
                        Map.of(
                                "BENCHPULSE_SECURITY_MODE", "secured",
                                "BENCHPULSE_SECURITY_USERS_0_NAME", "ada",
                                "BENCHPULSE_SECURITY_USERS_0_PASSWORD", "{noop}" + PASSWORD,
                                "BENCHPULSE_SECURITY_USERS_0_ROLES", "operator"))
                .awaitUp(Duration.ofMinutes(6));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    private static RunningStack.CliRun cli(String... arguments) {
        return RunningStack.cliAt("http://localhost:" + stack.ports().gateway(), arguments);
    }

    /** {@code GET /api/runs?requestedBy=<user>}, signed in as ada. */
    private static String runsRequestedBy(String user) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("ada:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> runs = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:"
                                        + stack.ports().gateway() + "/api/runs?requestedBy=" + user))
                                .header("Authorization", "Basic " + basic)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(runs.statusCode()).as(runs.body()).isEqualTo(200);
        return runs.body();
    }

    @Test
    void the_cli_without_a_user_is_told_how_to_sign_in() {
        RunningStack.CliRun list = cli("list");

        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("Benchpulse runs in secured mode", "Sign in with --user <name>");
    }

    @Test
    void the_cli_signed_in_with_user_runs_a_benchmark_recorded_as_that_users() throws Exception {
        RunningStack.CliRun run = cli(
                "run",
                "str-contains-native",
                "-r",
                "php",
                "-n",
                "3",
                "--json",
                "--user",
                "ada",
                "--password-file",
                passwordFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode finished = JSON.readTree(run.out()).path("runs").get(0);
        assertThat(finished.path("status").asString()).isEqualTo("COMPLETED");
        String runId = finished.path("id").asString();
        assertThat(runsRequestedBy("ada")).contains(runId);
        assertThat(runsRequestedBy("someone-else")).doesNotContain(runId);
    }
}
