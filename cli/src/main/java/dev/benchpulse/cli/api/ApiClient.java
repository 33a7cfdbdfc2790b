package dev.benchpulse.cli.api;

import dev.benchpulse.contracts.web.ApiHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchpulse's HTTP API as the CLI sees it, through the gateway: JSON in and out, errors turned into
 * {@link CliException}s that say what to do.
 */
public final class ApiClient {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final Optional<String> authorization;

    /** A client of an open stack: no one signs in. */
    public ApiClient(URI base, Duration timeout) {
        this(base, timeout, Optional.empty());
    }

    /**
     * @param authorization the {@code Authorization} header sent to the gateway with every request (HTTP Basic for a
     *                      secured stack), or empty
     */
    public ApiClient(URI base, Duration timeout, Optional<String> authorization) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.timeout = timeout;
        this.authorization = authorization;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI base() {
        return base;
    }

    public URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public <T> T get(String path, Class<T> type) {
        return JSON.readValue(send("GET", path, null), type);
    }

    public JsonNode get(String path) {
        return JSON.readTree(send("GET", path, null));
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return JSON.readValue(send("POST", path, body == null ? "" : JSON.writeValueAsString(body)), type);
    }

    public JsonNode post(String path) {
        String answer = send("POST", path, "");
        return answer.isBlank() ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    public void delete(String path) {
        send("DELETE", path, null);
    }

    /**
     * The subscriber token the gateway hands out with the dashboard, {@code GET /} (to anyone in open mode, to a
     * signed-in user in secured mode), if it does;
     * redirects are followed and a cookie set on any of their responses counts, as in a browser.
     */
    public Optional<String> subscriberToken() {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            HttpRequest.Builder home =
                    HttpRequest.newBuilder(base).timeout(timeout).GET();
            authorization.ifPresent(value -> home.header("Authorization", value));
            browser.send(home.build(), HttpResponse.BodyHandlers.discarding());
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> ApiHeaders.SUBSCRIBER_COOKIE.equals(cookie.getName()))
                    .map(HttpCookie::getValue)
                    .filter(v -> !v.isBlank())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Opens a long-lived response body (an event stream); empty when the server refuses it. */
    public Optional<InputStream> stream(URI uri, Optional<String> bearerToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            return Optional.empty();
        }
        return Optional.of(response.body());
    }

    private String send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        if (!"GET".equals(method)) {
            // The servers refuse a state-changing request without a JSON body or this header (docs/security.md).
            request.header(ApiHeaders.CLIENT, "cli");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw problem(method + " " + path, response);
            }
            return response.body();
        } catch (IOException e) {
            throw unavailable(method + " " + resolve(path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted", CliException.UNAVAILABLE);
        }
    }

    private CliException unavailable(String request, IOException e) {
        String message = switch (e) {
            case ConnectException refused ->
                "Cannot reach Benchpulse at " + base + " (connection refused). Is the "
                        + "stack running? Start it with ./benchpulse up, or point --url at it.";
            case HttpTimeoutException slow -> request + " did not answer within " + timeout.toSeconds() + " s.";
            default -> "Talking to Benchpulse at " + base + " failed: " + e;
        };
        return new CliException(message, CliException.UNAVAILABLE);
    }

    private static ApiException problem(String request, HttpResponse<String> response) {
        String title = null;
        String detail = null;
        try {
            JsonNode problem = JSON.readTree(response.body());
            title = problem.path("title").asString(null);
            detail = problem.path("detail").asString(null);
        } catch (RuntimeException notJson) {
            // no problem document: the status says it all
        }
        return new ApiException(response.statusCode(), request, title, detail);
    }
}
