package dev.benchpulse.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's fixtures (the JSON the browser tests serve as the services' answers) have only fields of the
 * runner's and the results service's OpenAPI documents, and the check itself tells a field the API lacks.
 */
class ApiContractTests {

    /** Which answer of the API each fixture stands for (the browser tests serve them at these paths). */
    static final Map<String, String> FIXTURES = Map.ofEntries(
            Map.entry("benchmarks.json", "GET /api/benchmarks"),
            Map.entry("benchmark.json", "GET /api/benchmarks/str-contains"),
            Map.entry("runtimes.json", "GET /api/runtimes"),
            Map.entry("runs.json", "GET /api/runs"),
            Map.entry("run.json", "GET /api/runs/11111111-1111-4111-8111-111111111111"),
            Map.entry("samples.json", "GET /api/runs/11111111-1111-4111-8111-111111111111/samples"),
            Map.entry("comparison.json", "GET /api/benchmarks/str-contains/comparison"),
            Map.entry("history.json", "GET /api/benchmarks/str-contains/history"),
            Map.entry("versions.json", "GET /api/benchmarks/str-contains/versions"),
            Map.entry("speedups.json", "GET /api/speedups"),
            Map.entry("matrix.json", "GET /api/matrices/55555555-5555-4555-8555-555555555555"));

    private final ApiContract contract = ApiContract.services();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void every_fixture_has_only_fields_the_api_documents() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:dashboard/*.json");
        assertThat(files).extracting(Resource::getFilename).containsExactlyInAnyOrderElementsOf(FIXTURES.keySet());

        List<String> unknown = new ArrayList<>();
        for (Resource file : files) {
            String[] call = FIXTURES.get(file.getFilename()).split(" ");
            ApiContract.Schema schema = contract.response(call[0], call[1])
                    .orElseThrow(
                            () -> new AssertionError("No operation " + String.join(" ", call) + " in docs/openapi"));
            schema.unknownFields(json.readTree(file.getContentAsString(StandardCharsets.UTF_8)))
                    .forEach(field -> unknown.add(file.getFilename() + ": " + field));
        }
        assertThat(unknown)
                .as("fields of the fixtures that the API's answers do not have")
                .isEmpty();
    }

    @Test
    void a_field_the_api_lacks_is_told_apart_from_one_it_has() {
        ApiContract.Schema comparison =
                contract.response("GET", "/api/benchmarks/php/comparison").orElseThrow();

        assertThat(comparison.find(List.of("pairs", ApiContract.ELEMENT, "medianRatio")))
                .isPresent();
        assertThat(comparison.find(List.of("pairs", ApiContract.ELEMENT, "ratio")))
                .isEmpty();
        assertThat(comparison.find(List.of("runtimes", ApiContract.ELEMENT, "statistics", "ci95", "low")))
                .isPresent();
        assertThat(comparison.unknownFields(json.readTree("{\"pairs\":[{\"a\":\"php\",\"ratioOfMedians\":1}]}")))
                .containsExactly("pairs[].ratioOfMedians");
        assertThat(contract.response("GET", "/api/runtimes")
                        .orElseThrow()
                        .find(List.of(ApiContract.ELEMENT, "settings", "opcache.jit")))
                .as("a map's keys")
                .isPresent();
        assertThat(contract.response("GET", "/api/no-such-thing")).isEmpty();
    }
}
