package dev.benchpulse.results.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.schema.ContractSchemas;
import dev.benchpulse.contracts.schema.SchemaHistory;
import dev.benchpulse.results.ResultsIntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

class SchemasApiIntegrationTests extends ResultsIntegrationTest {

    @Test
    void lists_every_schema_version_the_contracts_hold_with_its_fingerprint_and_url() {
        List<Map<String, Object>> listed = client.get()
                .uri("/api/schemas")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();

        int versions = Arrays.stream(EventType.values())
                .mapToInt(t -> SchemaHistory.versions(t).size())
                .sum();
        assertThat(listed).hasSize(versions);
        for (EventType type : EventType.values()) {
            String fingerprint = ContractSchemas.text(ContractSchemas.fingerprint(type));
            assertThat(listed)
                    .as(type.name())
                    .contains(Map.of(
                            "name",
                            type.schema().getFullName(),
                            "type",
                            type.cloudEventType(),
                            "version",
                            SchemaHistory.versions(type).size(),
                            "latest",
                            true,
                            "fingerprint",
                            fingerprint,
                            "url",
                            "/api/schemas/" + fingerprint));
        }
    }

    @Test
    void serves_each_listed_schema_as_json_under_its_fingerprint() {
        List<Map<String, Object>> listed = client.get()
                .uri("/api/schemas")
                .exchange()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();

        for (Map<String, Object> version : listed) {
            String json = client.get()
                    .uri((String) version.get("url"))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_JSON)
                    .expectHeader()
                    .value("Cache-Control", value -> assertThat(value).contains("immutable"))
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            Schema schema = new Schema.Parser().parse(json);
            assertThat(ContractSchemas.text(ContractSchemas.fingerprint(schema)))
                    .isEqualTo(version.get("fingerprint"));
            assertThat(schema.getFullName()).isEqualTo(version.get("name"));
        }
    }

    @Test
    void reads_the_fingerprint_in_either_case() {
        String upper = ContractSchemas.text(ContractSchemas.fingerprint(EventType.BENCHMARK_FAILED))
                .toUpperCase();

        client.get()
                .uri("/api/schemas/{fingerprint}", upper)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void answers_an_unknown_fingerprint_with_a_404_problem() {
        client.get()
                .uri("/api/schemas/0000000000000000")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("0000000000000000", "GET /api/schemas"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "0x0807060504030201", "080706050403020", "08070605040302011", "zzzzzzzzzzzzzzzz"})
    void answers_a_malformed_fingerprint_with_a_400_problem(String fingerprint) {
        client.get()
                .uri("/api/schemas/{fingerprint}", fingerprint)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("16 hex digits"));
    }

    @Test
    void both_endpoints_are_in_the_openapi_description() {
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/schemas'].get.summary")
                .exists()
                .jsonPath("$.paths['/api/schemas/{fingerprint}'].get.responses['404']")
                .exists();
    }
}
