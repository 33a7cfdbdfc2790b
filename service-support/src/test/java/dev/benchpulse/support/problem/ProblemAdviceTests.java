package dev.benchpulse.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.support.outage.DependencyUnavailableException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** Every error a controller can raise becomes one problem+json shape ({@link ProblemAdvice}). */
class ProblemAdviceTests {

    record Thing(
            @NotBlank(message = "is required") String name,
            @Min(value = 1, message = "must be at least 1") int count) {}

    @RestController
    static class Things {

        @PostMapping("/things")
        @RequestExample("{\"name\": \"a\", \"count\": 1}")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things/{id}")
        String get(@PathVariable UUID id) {
            return id.toString();
        }

        @GetMapping("/things")
        String list(@RequestParam @Min(value = 1, message = "must be at least 1") int size) {
            return "size " + size;
        }

        @GetMapping("/refused")
        String refused() {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many things", "You have 3 things; at most 3.")
                    .with("limit", 3)
                    .retryAfter(Duration.ofSeconds(30));
        }

        @GetMapping("/invalid")
        String invalid() {
            throw ApiProblem.invalid("size", "must be positive");
        }

        @GetMapping("/constraint")
        String constraint() {
            var violations =
                    Validation.buildDefaultValidatorFactory().getValidator().validate(new Thing("", 0));
            throw new ConstraintViolationException(violations);
        }

        @GetMapping("/conflict")
        String conflict() {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The thing exists already.");
        }

        @GetMapping("/database")
        String database() {
            throw new DependencyUnavailableException("postgresql", new IOException("connection to 10.0.0.7 refused"));
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals at /srv/app");
        }
    }

    final WebTestClient client = WebTestClient.bindToController(new Things())
            .controllerAdvice(new ProblemAdvice(JsonMapper.builder().build()))
            .build();

    WebTestClient.BodyContentSpec problem(
            WebTestClient.RequestHeadersSpec<?> request, HttpStatus status, String title, String instance) {
        return request.exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.title")
                .isEqualTo(title)
                .jsonPath("$.status")
                .isEqualTo(status.value())
                .jsonPath("$.instance")
                .isEqualTo(instance)
                .jsonPath("$.detail")
                .isNotEmpty();
    }

    @Nested
    class Api_problems {

        @Test
        void keep_their_status_title_detail_extension_members_and_retry_after() {
            client.get().uri("/refused").exchange().expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30");
            problem(client.get().uri("/refused"), HttpStatus.TOO_MANY_REQUESTS, "Too many things", "/refused")
                    .jsonPath("$.detail")
                    .isEqualTo("You have 3 things; at most 3.")
                    .jsonPath("$.limit")
                    .isEqualTo(3)
                    .jsonPath("$.errors")
                    .doesNotExist();
        }

        @Test
        void of_invalid_input_list_the_fields_at_fault() {
            problem(client.get().uri("/invalid"), HttpStatus.BAD_REQUEST, "Invalid request", "/invalid")
                    .jsonPath("$.detail")
                    .isEqualTo("size: must be positive")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("size")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("must be positive");
        }
    }

    @Nested
    class Invalid_input {

        WebTestClient.BodyContentSpec post(String body) {
            return problem(
                    client.post()
                            .uri("/things")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(body),
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "/things");
        }

        @Test
        void a_failed_bean_validation_names_every_field_with_the_example_body() {
            post("{\"name\": \"\", \"count\": 0}")
                    .jsonPath("$.errors.length()")
                    .isEqualTo(2)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("count")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("must be at least 1")
                    .jsonPath("$.errors[1].field")
                    .isEqualTo("name")
                    .jsonPath("$.detail")
                    .value(d -> assertThat((String) d)
                            .startsWith("count: must be at least 1; name: is required")
                            .contains("'example'"))
                    .jsonPath("$.example.count")
                    .isEqualTo(1);
        }

        @Test
        void malformed_json_is_the_bodys_fault() {
            post("{\"name\": ")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("(body)")
                    .jsonPath("$.errors[0].message")
                    .value(m -> assertThat((String) m).startsWith("is not valid JSON"))
                    .jsonPath("$.example.name")
                    .isEqualTo("a");
        }

        @Test
        void a_value_of_the_wrong_type_names_its_field() {
            post("{\"name\": \"a\", \"count\": \"many\"}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("count")
                    .jsonPath("$.errors[0].message")
                    .value(m -> assertThat((String) m).startsWith("has the wrong type"));
        }

        @Test
        void a_missing_body_says_what_to_send() {
            problem(
                            client.post().uri("/things").contentType(MediaType.APPLICATION_JSON),
                            HttpStatus.BAD_REQUEST,
                            "Invalid request",
                            "/things")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("(body)")
                    .jsonPath("$.errors[0].message")
                    .value(m -> assertThat((String) m).startsWith("is missing"));
        }

        @Test
        void a_parameter_of_the_wrong_type_says_what_is_expected() {
            problem(
                            client.get().uri("/things/not-a-uuid"),
                            HttpStatus.BAD_REQUEST,
                            "Invalid request",
                            "/things/not-a-uuid")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("id")
                    .jsonPath("$.errors[0].message")
                    .value(m -> assertThat((String) m).contains("expected a UUID"))
                    .jsonPath("$.example")
                    .doesNotExist();
        }

        @Test
        void a_missing_parameter_is_required() {
            problem(client.get().uri("/things"), HttpStatus.BAD_REQUEST, "Invalid request", "/things")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("size")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("is required");
        }

        @Test
        void a_parameter_out_of_its_bounds_names_the_bound() {
            problem(client.get().uri("/things?size=0"), HttpStatus.BAD_REQUEST, "Invalid request", "/things")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("size")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("must be at least 1");
        }

        @Test
        void constraint_violations_name_their_fields() {
            problem(client.get().uri("/constraint"), HttpStatus.BAD_REQUEST, "Invalid request", "/constraint")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("count")
                    .jsonPath("$.errors[1].field")
                    .isEqualTo("name")
                    .jsonPath("$.errors[1].message")
                    .isEqualTo("is required");
        }
    }

    @Nested
    class Framework_errors {

        @Test
        void an_unknown_path_is_404() {
            problem(client.get().uri("/nowhere"), HttpStatus.NOT_FOUND, "Not Found", "/nowhere")
                    .jsonPath("$.detail")
                    .value(d -> assertThat((String) d).startsWith("Nothing is at GET /nowhere."));
        }

        @Test
        void a_method_not_allowed_says_which_are_and_sends_allow() {
            client.delete().uri("/refused").exchange().expectHeader().valueEquals(HttpHeaders.ALLOW, "GET");
            problem(client.delete().uri("/refused"), HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed", "/refused")
                    .jsonPath("$.detail")
                    .isEqualTo("DELETE is not allowed on /refused; it takes [GET].");
        }

        @Test
        void an_unsupported_media_type_says_what_to_send() {
            problem(
                            client.post()
                                    .uri("/things")
                                    .contentType(MediaType.TEXT_PLAIN)
                                    .bodyValue("name=a"),
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "Unsupported Media Type",
                            "/things")
                    .jsonPath("$.detail")
                    .value(d -> assertThat((String) d)
                            .startsWith("Content-Type 'text/plain' is not accepted here; send one of")
                            .contains("application/json"));
        }

        @Test
        void a_response_status_exception_keeps_its_status_and_reason() {
            problem(client.get().uri("/conflict"), HttpStatus.CONFLICT, "Conflict", "/conflict")
                    .jsonPath("$.detail")
                    .isEqualTo("The thing exists already.");
        }
    }

    @Nested
    class Failures {

        @Test
        void an_unavailable_dependency_is_503_without_its_internals() {
            client.get().uri("/database").exchange().expectHeader().exists(HttpHeaders.RETRY_AFTER);
            problem(
                            client.get().uri("/database"),
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "Dependency unavailable",
                            "/database")
                    .jsonPath("$.detail")
                    .value(d -> assertThat((String) d)
                            .startsWith("postgresql is unavailable")
                            .doesNotContain("10.0.0.7"));
        }

        @Test
        void an_unexpected_exception_is_500_and_reveals_nothing() {
            problem(client.get().uri("/boom"), HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "/boom")
                    .jsonPath("$.detail")
                    .value(d -> assertThat((String) d).doesNotContain("secret", "/srv", "Illegal"));
        }
    }
}
