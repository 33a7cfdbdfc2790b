package dev.benchpulse.cli.catalog;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiException;
import dev.benchpulse.cli.api.CliException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark catalog and the runtimes, looked up so that a mistyped benchmark or runtime is reported by name,
 * with where to find the right one, before anything runs.
 */
public final class Catalog {

    private final ApiClient client;

    public Catalog(ApiClient client) {
        this.client = client;
    }

    /** {@code GET /api/benchmarks/{slug}}; an unknown slug is a usage error naming it. */
    public JsonNode benchmark(String slug) {
        try {
            return client.get("/api/benchmarks/" + URLEncoder.encode(slug, StandardCharsets.UTF_8));
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new CliException(
                        "Unknown benchmark '" + slug + "'. ./benchpulse list shows the catalog.", CliException.USAGE);
            }
            throw e;
        }
    }

    /** {@code GET /api/runtimes}, by id, in the order the API lists them. */
    public Map<String, JsonNode> runtimes() {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        client.get("/api/runtimes")
                .forEach(runtime -> byId.put(runtime.path("id").asString(""), runtime));
        return byId;
    }

    /**
     * The runtimes to use: those asked for, each checked to exist and be available; or, when none is asked for,
     * every available runtime the benchmark can run on.
     */
    public List<String> choose(JsonNode benchmark, List<String> requested) {
        Map<String, JsonNode> runtimes = runtimes();
        if (requested.isEmpty()) {
            return defaults(benchmark, runtimes);
        }
        for (String id : requested) {
            JsonNode runtime = runtimes.get(id);
            if (runtime == null) {
                throw new CliException(
                        "Unknown runtime '" + id + "'. Known runtimes: " + String.join(", ", runtimes.keySet())
                                + " (./benchpulse runtimes).",
                        CliException.USAGE);
            }
            if (!runtime.path("available").asBoolean(true)) {
                throw new CliException(
                        "Runtime '" + id + "' is not available" + reason(runtime)
                                + ". ./benchpulse runtimes shows which are.",
                        CliException.USAGE);
            }
        }
        return List.copyOf(requested);
    }

    /** Every available runtime, in the API's order (a run of several benchmarks on every runtime). */
    public List<String> availableRuntimes() {
        return runtimes().values().stream()
                .filter(r -> r.path("available").asBoolean(true))
                .map(r -> r.path("id").asString(""))
                .toList();
    }

    private static List<String> defaults(JsonNode benchmark, Map<String, JsonNode> runtimes) {
        List<String> supported = new ArrayList<>();
        benchmark.path("runtimes").forEach(id -> supported.add(id.asString("")));
        List<String> chosen = runtimes.values().stream()
                .filter(r -> r.path("available").asBoolean(true))
                .map(r -> r.path("id").asString(""))
                .filter(id -> supported.isEmpty() || supported.contains(id))
                .toList();
        if (chosen.isEmpty()) {
            throw new CliException(
                    "No available runtime can run '" + benchmark.path("slug").asString("?")
                            + "'. ./benchpulse runtimes says why each is unavailable.",
                    CliException.USAGE);
        }
        return chosen;
    }

    /** ": php not found on PATH" from whichever field the runtime explains itself in. */
    static String reason(JsonNode runtime) {
        for (String field : List.of("reason", "unavailableReason", "message", "error")) {
            String text = runtime.path(field).asString("");
            if (!text.isBlank()) {
                return ": " + text;
            }
        }
        return "";
    }
}
