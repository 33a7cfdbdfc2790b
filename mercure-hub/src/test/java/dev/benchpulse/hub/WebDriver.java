package dev.benchpulse.hub;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.benchpulse.testsupport.Chromium;

/**
 * Drives Debian's headless Chromium through its ChromeDriver with the W3C WebDriver protocol (plain JSON over HTTP),
 * enough to open a page and run scripts in it — no WebDriver library needed for that.
 */
final class WebDriver implements AutoCloseable {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Process driver;
    private final String base;
    private final String session;

    WebDriver() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        driver = new ProcessBuilder(Chromium.driver().toString(), "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        awaitDriver();
        Map<String, Object> options = Map.of("binary", Chromium.binary().toString(), "args",
                concat(Chromium.HEADLESS_FLAGS, "--window-size=1200,900"));
        JsonNode created = call("POST", "/session",
                Map.of("capabilities", Map.of("alwaysMatch", Map.of("goog:chromeOptions", options))));
        session = created.get("value").get("sessionId").asString();
    }

    private static List<String> concat(List<String> flags, String extra) {
        return java.util.stream.Stream.concat(flags.stream(), java.util.stream.Stream.of(extra)).toList();
    }

    private void awaitDriver() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                call("GET", "/status", null);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    void open(String url) throws Exception {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** Runs a script in the page and returns its result as text. */
    String script(String body) throws Exception {
        JsonNode value = call("POST", "/session/" + session + "/execute/sync", Map.of("script", body, "args",
                List.of())).get("value");
        return value == null || value.isNull() ? null : value.asString();
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + path + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (Exception e) {
            // the driver is stopped below anyway
        }
        driver.destroy();
    }
}
