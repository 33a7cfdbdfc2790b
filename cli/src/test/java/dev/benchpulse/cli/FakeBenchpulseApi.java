package dev.benchpulse.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.contracts.web.RunTopics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the gateway that serves the API shapes docs/runner.md and docs/results.md describe: the catalog,
 * the runtimes, run requests, run details, a Mercure event stream with each run's lifecycle, comparison and
 * calibration. Runs advance one sample per event on the stream, or one sample per poll when there is no stream.
 */
public final class FakeBenchpulseApi implements AutoCloseable {

    public static final String TOKEN = "subscriber-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, FakeRun> runs = new LinkedHashMap<>();
    private final Map<String, List<FakeRun>> matrices = new LinkedHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> streamRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> runRequests = new CopyOnWriteArrayList<>();
    private final List<String> clientHeaders = new CopyOnWriteArrayList<>();
    private volatile boolean handsOutToken = true;
    private volatile String requiredAuthorization;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String failingRuntime;
    private volatile String incompleteRuntime;
    private final Map<String, JsonNode> newestRuns = new LinkedHashMap<>();
    private volatile JsonNode deadLetters =
            JSON.createObjectNode().put("waiting", 0).set("topics", JSON.createArrayNode());

    public FakeBenchpulseApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The gateway of a secured stack: no subscriber cookie, so the CLI has to poll. */
    public FakeBenchpulseApi withoutSubscriberToken() {
        handsOutToken = false;
        return this;
    }

    /** The gateway of a secured stack: every request needs this user's HTTP Basic credentials. */
    public FakeBenchpulseApi requiringSignIn(String user, String password) {
        requiredAuthorization = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The {@code Authorization} header of every request (or {@code null}), in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Runs on this runtime fail with a script error halfway. */
    public FakeBenchpulseApi failingOn(String runtime) {
        failingRuntime = runtime;
        return this;
    }

    /** Runs on this runtime end INCOMPLETE: the results API never gets their second sample. */
    public FakeBenchpulseApi incompleteOn(String runtime) {
        incompleteRuntime = runtime;
        return this;
    }

    /** {@code GET /api/runs?runtime=<runtime>&size=1} answers this run. */
    public synchronized FakeBenchpulseApi newestRun(String runtime, JsonNode run) {
        newestRuns.put(runtime, run);
        return this;
    }

    /** {@code GET /api/operations/dead-letters} answers this report. */
    public FakeBenchpulseApi deadLetters(JsonNode report) {
        deadLetters = report;
        return this;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<String> streamRequests() {
        return List.copyOf(streamRequests);
    }

    public List<JsonNode> runRequests() {
        return List.copyOf(runRequests);
    }

    /** The {@code X-Benchpulse-Client} header of every state-changing request, in order. */
    public List<String> clientHeaders() {
        return List.copyOf(clientHeaders);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + exchange.getRequestURI());
        if (!method.equals("GET")) {
            clientHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst(ApiHeaders.CLIENT)));
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!path.equals("/.well-known/mercure")) {
            authorizations.add(String.valueOf(authorization));
        }
        try (exchange) {
            if (requiredAuthorization != null
                    && !path.equals("/.well-known/mercure")
                    && !requiredAuthorization.equals(authorization)) {
                // the secured gateway's answer (SecurityProblems)
                ObjectNode problem = problem(
                        401,
                        "Benchpulse runs in secured mode: sign in at /login, or send HTTP "
                                + "Basic credentials of a configured user.");
                problem.put("title", "Sign-in required");
                json(exchange, 401, problem);
            } else if (path.equals("/.well-known/mercure")) {
                stream(exchange);
            } else if (path.equals("/")) {
                home(exchange);
            } else {
                route(exchange, method, path);
            }
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        if (method.equals("GET") && path.equals("/api/benchmarks")) {
            json(exchange, 200, FakeCatalog.benchmarks());
        } else if (method.equals("GET") && path.startsWith("/api/benchmarks/") && path.endsWith("/comparison")) {
            json(exchange, 200, FakeCatalog.comparison(query(exchange).get("runtimes")));
        } else if (method.equals("POST") && path.endsWith("/calibrate")) {
            json(
                    exchange,
                    200,
                    FakeCatalog.calibration(slug(path), query(exchange).get("runtime")));
        } else if (method.equals("GET") && path.startsWith("/api/benchmarks/")) {
            JsonNode benchmark = FakeCatalog.benchmark(slug(path));
            json(
                    exchange,
                    benchmark == null ? 404 : 200,
                    benchmark == null ? problem(404, "No benchmark " + slug(path)) : benchmark);
        } else if (method.equals("GET") && path.equals("/api/runtimes")) {
            json(exchange, 200, FakeCatalog.runtimes());
        } else if (method.equals("POST") && path.equals("/api/runs")) {
            json(exchange, 202, accept(JSON.readTree(exchange.getRequestBody())));
        } else if (method.equals("GET") && path.equals("/api/runs")) {
            json(exchange, 200, newest(query(exchange).get("runtime")));
        } else if (method.equals("GET") && path.equals("/api/operations/dead-letters")) {
            json(exchange, 200, deadLetters);
        } else if (method.equals("POST") && path.startsWith("/api/operations/dead-letters/")) {
            String topic = URLDecoder.decode(path.split("/")[4], StandardCharsets.UTF_8);
            json(
                    exchange,
                    topic.startsWith("benchpulse.") ? 200 : 404,
                    topic.startsWith("benchpulse.")
                            ? JSON.createObjectNode()
                                    .put("topic", topic)
                                    .put("source", topic.replace(".dlt", ""))
                                    .put("replayed", 2)
                            : problem(404, "No dead-letter topic is named '" + topic + "'."));
        } else if (method.equals("GET") && path.startsWith("/api/runs/")) {
            FakeRun run = run(path.substring("/api/runs/".length()));
            json(exchange, run == null ? 404 : 200, run == null ? problem(404, "No run") : run.poll(!handsOutToken));
        } else if (method.equals("GET") && path.startsWith("/api/matrices/")) {
            JsonNode matrix = matrix(path.substring("/api/matrices/".length()));
            json(exchange, matrix == null ? 404 : 200, matrix == null ? problem(404, "No matrix") : matrix);
        } else if (method.equals("DELETE") && path.startsWith("/api/runs/")) {
            exchange.sendResponseHeaders(202, -1);
        } else {
            json(exchange, 404, problem(404, "Nothing at " + path));
        }
    }

    private synchronized JsonNode accept(JsonNode request) {
        runRequests.add(request);
        ObjectNode answer = JSON.createObjectNode();
        var accepted = answer.putArray("runs");
        List<String> benchmarks = request.has("category")
                ? FakeCatalog.slugsOf(request.path("category").asString())
                : List.of(request.path("benchmark").asString());
        String matrixId = benchmarks.size() * request.path("runtimes").size() > 1
                ? UUID.randomUUID().toString()
                : null;
        answer.put("matrixId", matrixId).put("execution", "interleaved");
        for (String benchmark : benchmarks) {
            for (JsonNode runtime : request.path("runtimes")) {
                String id = UUID.randomUUID().toString();
                FakeRun run = new FakeRun(
                        id,
                        benchmark,
                        runtime.asString(),
                        request.path("iterations").asInt(),
                        runtime.asString().equals(failingRuntime),
                        runtime.asString().equals(incompleteRuntime));
                runs.put(id, run);
                if (matrixId != null) {
                    matrices.computeIfAbsent(matrixId, m -> new ArrayList<>()).add(run);
                }
                accepted.addObject()
                        .put("id", id)
                        .put("benchmark", run.benchmark())
                        .put("runtime", run.runtime())
                        .put("status", "QUEUED")
                        .put("topic", RunTopics.of(id));
            }
        }
        answer.putArray("skipped");
        return answer;
    }

    private synchronized JsonNode newest(String runtime) {
        ObjectNode page = JSON.createObjectNode().put("page", 0).put("size", 1);
        var items = page.putArray("items");
        if (newestRuns.containsKey(runtime)) {
            items.add(newestRuns.get(runtime));
        }
        return page.put("total", items.size());
    }

    /** {@code GET /api/matrices/{id}}: each poll takes one more sample of every run. */
    private synchronized JsonNode matrix(String id) {
        List<FakeRun> members = matrices.get(id);
        if (members == null) {
            return null;
        }
        ObjectNode matrix = JSON.createObjectNode().put("id", id).put("runs", members.size());
        ObjectNode byStatus = matrix.putObject("byStatus");
        var runtimes = matrix.putArray("runtimes");
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        var benchmarks = matrix.putArray("benchmarks");
        long done = 0;
        long total = 0;
        for (FakeRun run : members) {
            JsonNode state = run.poll(true);
            String status = state.path("status").asString();
            byStatus.put(status, byStatus.path(status).asInt(0) + 1);
            if (!runtimes.toString().contains("\"" + run.runtime() + "\"")) {
                runtimes.add(run.runtime());
            }
            done += state.path("completedIterations").asInt();
            total += state.path("iterations").asInt();
            ObjectNode row = rows.computeIfAbsent(run.benchmark(), slug -> {
                ObjectNode created = benchmarks.addObject().put("slug", slug);
                created.putArray("runs");
                return created;
            });
            ObjectNode cell = ((tools.jackson.databind.node.ArrayNode) row.path("runs"))
                    .addObject()
                    .put("id", run.id())
                    .put("runtime", run.runtime())
                    .put("status", status)
                    .put(
                            "completedIterations",
                            state.path("completedIterations").asInt());
            if (status.equals("COMPLETED")) {
                cell.put("median", state.path("statistics").path("median").asDouble());
            }
            if (status.equals("FAILED")) {
                cell.put("failureReason", "SCRIPT_ERROR");
            }
        }
        boolean finished = members.stream()
                .allMatch(r -> !r.poll(false).path("status").asString().matches("QUEUED|RUNNING"));
        matrix.put("progress", finished ? 100.0 : 100.0 * done / Math.max(1, total))
                .put("finished", finished);
        return matrix;
    }

    private synchronized FakeRun run(String id) {
        return runs.get(id);
    }

    private synchronized List<FakeRun> runsOnTopics(List<String> topics) {
        return runs.values().stream()
                .filter(r -> topics.contains(RunTopics.of(r.id())))
                .toList();
    }

    private void home(HttpExchange exchange) throws IOException {
        if (handsOutToken) {
            exchange.getResponseHeaders()
                    .add(
                            "Set-Cookie",
                            "mercureAuthorization=" + TOKEN + "; Path=/.well-known/mercure; HttpOnly; SameSite=Strict");
        }
        byte[] page = "<html>dashboard</html>".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
    }

    /** A Mercure subscription: every update of the subscribed runs, from the earliest. */
    private void stream(HttpExchange exchange) throws IOException {
        streamRequests.add(
                exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        List<String> topics = new ArrayList<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            if (pair.startsWith("topic=")) {
                topics.add(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(":\n\n".getBytes(StandardCharsets.UTF_8));
        for (FakeRun run : runsOnTopics(topics)) {
            for (JsonNode update : run.lifecycle()) {
                body.write(("id: " + UUID.randomUUID() + "\ndata: " + JSON.writeValueAsString(update) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        }
        body.write(": end of this fake stream\n\n".getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode problem(int status, String detail) {
        return JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", "Not Found")
                .put("status", status)
                .put("detail", detail);
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String slug(String path) {
        return path.split("/")[3];
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = URI.create(exchange.getRequestURI().toString()).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
