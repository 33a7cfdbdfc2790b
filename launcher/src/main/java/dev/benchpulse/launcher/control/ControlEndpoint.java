package dev.benchpulse.launcher.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.benchpulse.launcher.supervision.Supervisor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running launcher's control endpoint, for {@code ./benchpulse status}, {@code restart}, {@code kill},
 * {@code stop} and {@code start}: a small HTTP server on the loopback interface, on a port the system picks,
 * answering only requests that carry the launcher's random token ({@link ControlFile}, owner-only). {@code GET
 * /status} lists the components; {@code POST /components/<name>/<action>} acts on one. Answers are JSON.
 */
public final class ControlEndpoint implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Supervisor supervisor;
    private final byte[] token;
    private final Path file;

    private ControlEndpoint(HttpServer server, Supervisor supervisor, String token, Path file) {
        this.server = server;
        this.supervisor = supervisor;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.file = file;
    }

    /** Starts the endpoint for {@code supervisor} and writes its control file into {@code stateDir}. */
    public static ControlEndpoint start(Supervisor supervisor, Path stateDir) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        ControlEndpoint endpoint = new ControlEndpoint(server, supervisor, token, ControlFile.in(stateDir));
        server.createContext("/", endpoint::handle);
        server.setExecutor(endpoint.threads);
        server.start();
        URI url = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
        new ControlFile(url, token, ProcessHandle.current().pid()).write(endpoint.file);
        return endpoint;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, Map.of("error", "missing or wrong token (see " + ControlFile.NAME + ")"));
                return;
            }
            String[] path = exchange.getRequestURI().getPath().split("/");
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.length == 2 && path[1].equals("status")) {
                reply(exchange, 200, supervisor.status());
            } else if (method.equals("POST") && path.length == 4 && path[1].equals("components")) {
                act(exchange, path[2], path[3]);
            } else {
                reply(exchange, 404, Map.of("error", "no such request: " + method + " " + exchange.getRequestURI()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void act(HttpExchange exchange, String component, String action) throws IOException, InterruptedException {
        Supervisor.Action what;
        try {
            what = Supervisor.Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reply(exchange, 404, Map.of("error", "no action " + action + "; restart, kill, stop or start"));
            return;
        }
        try {
            reply(exchange, 200, Map.of("message", supervisor.act(what, component)));
        } catch (IllegalArgumentException e) {
            reply(exchange, 404, Map.of("error", e.getMessage()));
        } catch (IllegalStateException e) {
            reply(exchange, 409, Map.of("error", e.getMessage()));
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring("Bearer ".length()).getBytes(StandardCharsets.US_ASCII));
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** Stops answering and removes the control file. */
    @Override
    public void close() throws IOException {
        server.stop(0);
        threads.shutdownNow();
        Files.deleteIfExists(file);
    }
}
