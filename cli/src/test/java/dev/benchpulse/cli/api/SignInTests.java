package dev.benchpulse.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.CliResult;
import dev.benchpulse.cli.FakeBenchpulseApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client commands against a secured stack: HTTP Basic credentials of {@code --user} with every request, the
 * subscriber token the gateway hands a signed-in user, and a clear message when no one, or the wrong one, signs in.
 */
class SignInTests {

    private final FakeBenchpulseApi api;

    @TempDir
    Path directory;

    SignInTests() throws IOException {
        api = new FakeBenchpulseApi().requiringSignIn("ada", "s3cret pass");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Runs the command against the secured fake as ada, with this password in a password file. */
    private CliResult asAda(String password, String... arguments) throws IOException {
        Path file = Files.writeString(directory.resolve("password"), password + "\n");
        String[] args = Arrays.copyOf(arguments, arguments.length + 6);
        System.arraycopy(
                new String[] {"--url", api.url(), "--user", "ada", "--password-file", file.toString()},
                0,
                args,
                arguments.length,
                6);
        return CliResult.run(args);
    }

    @Test
    void a_user_with_a_password_file_sends_its_credentials_with_every_request() throws IOException {
        CliResult result = asAda("s3cret pass", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("str-contains");
        assertThat(api.authorizations())
                .isNotEmpty()
                .allMatch(value ->
                        value.equals("Basic " + Base64.getEncoder().encodeToString("ada:s3cret pass".getBytes())));
    }

    @Test
    void a_signed_in_run_follows_the_hub_with_the_token_the_gateway_hands_the_user() throws IOException {
        CliResult result = asAda("s3cret pass", "run", "str-contains", "-r", "php", "-n", "3", "--poll-interval", "20");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.streamRequests()).singleElement().asString().contains("Bearer " + FakeBenchpulseApi.TOKEN);
        assertThat(result.out()).contains("php: completed");
    }

    @Test
    void without_a_user_a_secured_stack_answers_with_how_to_sign_in() {
        CliResult result = CliResult.run("list", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains(
                        "Benchpulse runs in secured mode",
                        "answered 401",
                        "Sign in with --user <name> (or BENCHPULSE_USER)");
    }

    @Test
    void a_wrong_password_is_refused_with_the_same_advice() throws IOException {
        CliResult result = asAda("guess", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("answered 401", "Sign in with --user");
    }

    @Test
    void a_user_without_any_password_source_is_told_where_a_password_can_come_from() {
        // no --password-file, no BENCHPULSE_PASSWORD in the build's environment, no terminal in a test
        CliResult result = CliResult.run("list", "--url", api.url(), "--user", "ada");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("--user ada needs a password: give --password-file, set BENCHPULSE_PASSWORD, or run in a "
                        + "terminal");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void an_unreadable_password_file_is_named() {
        CliResult result = CliResult.run(
                "list",
                "--url",
                api.url(),
                "--user",
                "ada",
                "--password-file",
                directory.resolve("missing").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Cannot read the password file " + directory.resolve("missing"));
    }
}
