package dev.benchpulse.launcher.control;

import dev.benchpulse.launcher.supervision.ComponentStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the launcher running on a state directory, through its {@link ControlEndpoint}. Every failure is a
 * {@link ControlException} whose message says what to do.
 */
public final class ControlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A restart waits for the component's health check: as long as the stack's start timeout, and then some. */
    private static final Duration ACTION_TIMEOUT = Duration.ofMinutes(5);

    private final ControlFile control;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ControlClient(ControlFile control) {
        this.control = control;
    }

    /** The client of the launcher running on {@code stateDir}. */
    public static ControlClient of(Path stateDir) throws ControlException {
        Path file = ControlFile.in(stateDir);
        ControlFile control;
        try {
            control = ControlFile.read(file)
                    .orElseThrow(() -> new ControlException("No ./benchpulse up is running "
                            + "on " + stateDir + " (there is no " + file.getFileName()
                            + "). Start it with ./benchpulse up"
                            + ", or point --state-dir at the one that runs."));
        } catch (IOException e) {
            throw new ControlException("Cannot read " + file + ": " + e.getMessage());
        }
        if (ProcessHandle.of(control.pid()).map(p -> !p.isAlive()).orElse(true)) {
            throw new ControlException("The launcher that wrote " + file + " (pid " + control.pid() + ") is gone. "
                    + "Start the stack again with ./benchpulse up.");
        }
        return new ControlClient(control);
    }

    /** Every component of the stack, as it is now. */
    public List<ComponentStatus> status() throws ControlException {
        return JSON.readValue(
                send("GET", "/status", Duration.ofSeconds(30)), new TypeReference<List<ComponentStatus>>() {});
    }

    /** Restarts, kills, stops or starts one component; returns what the launcher says happened. */
    public String act(String component, String action) throws ControlException {
        return JSON.readTree(send("POST", "/components/" + component + "/" + action, ACTION_TIMEOUT))
                .path("message")
                .asString();
    }

    private String send(String method, String path, Duration timeout) throws ControlException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(control.url() + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + control.token())
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ControlException("The launcher (pid " + control.pid() + ") does not answer at " + control.url()
                    + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException("Interrupted");
        }
        if (response.statusCode() != 200) {
            JsonNode error = JSON.readTree(response.body());
            throw new ControlException(error.path("error").asString("HTTP " + response.statusCode()));
        }
        return response.body();
    }

    /** A request the launcher could not carry out, or could not be asked. */
    public static final class ControlException extends Exception {
        public ControlException(String message) {
            super(message);
        }
    }
}
