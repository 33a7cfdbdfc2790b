package dev.benchpulse.cli;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The fake API's fixed data: two benchmarks, three runtimes (one unavailable), statistics per runtime. */
final class FakeCatalog {

    private static final List<String> SLUGS = List.of("str-contains", "array-sort");

    private FakeCatalog() {}

    /** The fake catalog's benchmarks of a category. */
    static List<String> slugsOf(String category) {
        return SLUGS.stream()
                .filter(slug -> benchmark(slug).path("category").asString().equals(category))
                .toList();
    }

    static ArrayNode benchmarks() {
        ArrayNode benchmarks = FakeBenchpulseApi.JSON.createArrayNode();
        SLUGS.forEach(slug -> benchmarks.add(benchmark(slug)));
        return benchmarks;
    }

    static ObjectNode benchmark(String slug) {
        if (!SLUGS.contains(slug)) {
            return null;
        }
        ObjectNode benchmark = FakeBenchpulseApi.JSON
                .createObjectNode()
                .put("slug", slug)
                .put("name", slug.replace('-', ' '))
                .put("category", slug.startsWith("str") ? "strings" : "arrays")
                .put("description", "Fake " + slug);
        benchmark.putArray("tags").add(slug.startsWith("str") ? "strings" : "sorting");
        benchmark.putArray("runtimes").add("php").add("php-jit").add("php-8.1");
        return benchmark;
    }

    static ArrayNode runtimes() {
        ArrayNode runtimes = FakeBenchpulseApi.JSON.createArrayNode();
        runtimes.addObject()
                .put("id", "php")
                .put("name", "PHP 8.2")
                .put("phpVersion", "8.2.36")
                .put("available", true)
                .putObject("settings");
        runtimes.addObject()
                .put("id", "php-jit")
                .put("name", "PHP 8.2 + JIT")
                .put("phpVersion", "8.2.36")
                .put("available", true)
                .putObject("settings")
                .put("opcache.jit", "tracing");
        runtimes.addObject()
                .put("id", "php-8.1")
                .put("name", "PHP 8.1 (container)")
                .putNull("phpVersion")
                .put("available", false)
                .put("reason", "docker: command not found");
        return runtimes;
    }

    /** php: about 1.23 µs per operation; php-jit: about 0.98 µs. */
    static ObjectNode statistics(String runtime, int n) {
        double mean = runtime.equals("php-jit") ? 980 : 1230;
        ObjectNode statistics = FakeBenchpulseApi.JSON
                .createObjectNode()
                .put("n", n)
                .put("mean", mean)
                .put("median", mean - 10)
                .put("mode", mean - 12)
                .put("min", mean * 0.9)
                .put("max", mean * 1.3)
                .put("stddev", mean * 0.03)
                .put("cv", 0.03)
                .put("p50", mean - 10)
                .put("p90", mean * 1.1)
                .put("p95", mean * 1.15)
                .put("p99", mean * 1.25)
                .put("opsPerSecond", 1e9 / mean);
        statistics.putObject("ci95").put("low", mean - 20).put("high", mean + 20);
        statistics
                .putObject("outliers")
                .put("method", "tukey")
                .put("low", mean * 0.8)
                .put("high", mean * 1.2)
                .put("count", 1);
        statistics.putObject("memory").put("meanUsedBytes", 2048).put("peakBytes", 4096);
        return statistics;
    }

    static ObjectNode comparison(String runtimes) {
        String[] ids = runtimes.split(",");
        ObjectNode comparison = FakeBenchpulseApi.JSON
                .createObjectNode()
                .put("benchmark", "str-contains")
                .put("alpha", 0.05);
        ArrayNode entries = comparison.putArray("runtimes");
        for (String id : ids) {
            entries.addObject()
                    .put("runtime", id)
                    .put("runId", "run-" + id)
                    .put("phpVersion", "8.2.36")
                    .put("completedAt", "2026-11-27T10:00:00Z")
                    .set("statistics", statistics(id, 30));
        }
        // as the results service answers: pairs (i, j) with i before j in the order asked, a = i against b = j,
        // ratio = median of a / median of b (1,220 ns / 970 ns for the first two runtimes)
        ObjectNode pair = comparison
                .putArray("pairs")
                .addObject()
                .put("a", ids[0])
                .put("b", ids[1])
                .put("medianRatio", 1.258)
                .put("mannWhitneyU", 888.0)
                .put("pValue", 0.0001)
                .put("verdict", "slower");
        pair.putObject("ci95").put("low", 1.22).put("high", 1.3);
        return comparison;
    }

    static JsonNode calibration(String slug, String runtime) {
        return FakeBenchpulseApi.JSON
                .createObjectNode()
                .put("benchmark", slug)
                .put("runtime", runtime)
                .put("innerIterations", 5000)
                .put("sampleMillis", 201.3);
    }
}
