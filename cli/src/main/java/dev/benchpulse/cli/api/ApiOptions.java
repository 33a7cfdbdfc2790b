package dev.benchpulse.cli.api;

import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every client command shares: where the stack is, and who signs in to a secured one. */
public final class ApiOptions {

    /**
     * The gateway's port in a stack started with the defaults, the one place it is written: the client looks there
     * unless told otherwise, and the launcher ({@code ./benchpulse up}) takes its default gateway port from here, so
     * the two cannot drift apart.
     */
    public static final int DEFAULT_GATEWAY_PORT = 8080;

    static final String PASSWORD_VARIABLE = "BENCHPULSE_PASSWORD";

    @Option(
            names = "--url",
            paramLabel = "<url>",
            defaultValue = "${env:BENCHPULSE_URL:-http://localhost:" + DEFAULT_GATEWAY_PORT + "}",
            description = "The Benchpulse gateway (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--request-timeout",
            paramLabel = "<seconds>",
            defaultValue = "30",
            description = "How long one HTTP request may take (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    @Option(
            names = "--user",
            paramLabel = "<name>",
            defaultValue = "${env:BENCHPULSE_USER}",
            description = "Sign in to a secured stack as this user (HTTP Basic; default: $BENCHPULSE_USER). The "
                    + "password comes from --password-file, else $" + PASSWORD_VARIABLE + ", else the terminal asks.")
    String user;

    @Option(
            names = "--password-file",
            paramLabel = "<file>",
            description = "Read the password of --user from the first line of this file.")
    Path passwordFile;

    public ApiClient client() {
        return new ApiClient(url, Duration.ofSeconds(requestTimeoutSeconds), authorization());
    }

    /** The {@code Authorization} header for {@code --user}, or empty when no user signs in (an open stack). */
    private Optional<String> authorization() {
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        String credentials = user + ":" + password();
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private String password() {
        if (passwordFile != null) {
            try {
                try (var lines = Files.newBufferedReader(passwordFile)) {
                    String first = lines.readLine();
                    return first == null ? "" : first;
                }
            } catch (IOException e) {
                throw new CliException(
                        "Cannot read the password file " + passwordFile + ": " + e.getMessage(), CliException.USAGE);
            }
        }
        String variable = System.getenv(PASSWORD_VARIABLE);
        if (variable != null) {
            return variable;
        }
        Console console = System.console();
        char[] typed = console == null ? null : console.readPassword("Password of %s at %s: ", user, url);
        if (typed == null) {
            throw new CliException(
                    "--user " + user + " needs a password: give --password-file, set " + PASSWORD_VARIABLE
                            + ", or run in a terminal to be asked for it.",
                    CliException.USAGE);
        }
        return new String(typed);
    }
}
