package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What end-to-end runs measure: the first two available runtimes, and the first catalog benchmark both can run
 * (the catalog's first benchmarks may need a newer PHP than the machine has). Read from the stack's API.
 *
 * @param benchmark the benchmark's slug
 * @param runtimes  two runtime ids, in the API's order
 */
record CatalogChoice(String benchmark, List<String> runtimes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static CatalogChoice of(RunningStack stack) throws IOException, InterruptedException {
        List<String> runtimes = new ArrayList<>();
        read(stack, "/api/runtimes").forEach(r -> {
            if (r.path("available").asBoolean(false)) {
                runtimes.add(r.path("id").asString());
            }
        });
        assertThat(runtimes).as("available runtimes (is php installed?)").hasSizeGreaterThanOrEqualTo(2);
        List<String> two = runtimes.subList(0, 2);
        for (JsonNode benchmark : read(stack, "/api/benchmarks")) {
            List<String> able = new ArrayList<>();
            benchmark.path("runtimes").forEach(id -> able.add(id.asString()));
            if (able.containsAll(two)) {
                return new CatalogChoice(benchmark.path("slug").asString(), List.copyOf(two));
            }
        }
        throw new AssertionError("No catalog benchmark runs on both " + two);
    }

    private static JsonNode read(RunningStack stack, String path) throws IOException, InterruptedException {
        var response = stack.get(path);
        assertThat(response.statusCode())
                .as("GET " + path + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
