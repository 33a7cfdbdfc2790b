package dev.benchpulse.gateway.dashboard;

import dev.benchpulse.testsupport.OpenApiDocuments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The API the dashboard may rely on: the OpenAPI documents of runner-service and results-service as committed in
 * {@code docs/openapi} (their own tests check that the services serve exactly these). It answers which response
 * schema an API call has, and which fields of a value, or which read field paths, that schema does not have.
 */
final class ApiContract {

    /** A path segment standing for "any element" of an array. */
    static final String ELEMENT = "[]";

    private final List<Operation> operations;

    private ApiContract(List<Operation> operations) {
        this.operations = operations;
    }

    static ApiContract services() {
        List<Operation> operations = new ArrayList<>();
        Stream.of("runner", "results")
                .map(OpenApiDocuments::committed)
                .forEach(document -> document.path("paths")
                        .properties()
                        .forEach(path -> path.getValue()
                                .properties()
                                .forEach(method -> operations.add(new Operation(
                                        document, method.getKey().toUpperCase(), path.getKey(), method.getValue())))));
        return new ApiContract(operations);
    }

    /** The schema of a successful answer to {@code method path} (no query), if the API has that operation. */
    Optional<Schema> response(String method, String path) {
        return operations.stream()
                .filter(operation -> operation.method().equals(method) && operation.matches(path))
                .min(Comparator.comparingLong(operation ->
                        operation.path().chars().filter(c -> c == '{').count()))
                .map(Operation::response);
    }

    /** One operation of a document: its path template and what it answers. */
    private record Operation(JsonNode document, String method, String path, JsonNode operation) {

        boolean matches(String actual) {
            return Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+"))
                    .matcher(actual)
                    .matches();
        }

        Schema response() {
            JsonNode responses = operation.path("responses");
            JsonNode success = responses.properties().stream()
                    .filter(entry -> entry.getKey().startsWith("2"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(responses.path("default"));
            JsonNode content = success.path("content");
            JsonNode json = content.has("application/json")
                    ? content.path("application/json")
                    : content.properties().stream()
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(content);
            return new Schema(document, json.path("schema"));
        }
    }

    /** A schema of one document, resolved through {@code $ref}, {@code allOf}, {@code oneOf} and {@code anyOf}. */
    record Schema(JsonNode document, JsonNode node) {

        /** The field paths of a JSON value that the schema does not have, e.g. {@code items[].sequence}. */
        List<String> unknownFields(JsonNode value) {
            List<String> unknown = new ArrayList<>();
            collect(value, List.of(), unknown);
            return unknown.stream().distinct().toList();
        }

        private void collect(JsonNode value, List<String> at, List<String> unknown) {
            if (value.isArray()) {
                value.forEach(element -> collect(element, append(at, ELEMENT), unknown));
            } else if (value.isObject()) {
                value.properties().forEach(field -> {
                    List<String> path = append(at, field.getKey());
                    if (find(path).isEmpty()) {
                        unknown.add(String.join(".", path).replace(".[]", "[]"));
                    } else {
                        collect(field.getValue(), path, unknown);
                    }
                });
            }
        }

        /** The schema at a field path ({@link #ELEMENT} for array elements), if the schema has that path. */
        Optional<Schema> find(List<String> path) {
            Schema at = this;
            for (String segment : path) {
                Optional<Schema> next = at.child(segment);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                at = next.get();
            }
            return Optional.of(at);
        }

        private Optional<Schema> child(String segment) {
            JsonNode node = resolved();
            for (String combined : List.of("allOf", "oneOf", "anyOf")) {
                for (JsonNode part : node.path(combined)) {
                    Optional<Schema> found = new Schema(document, part).child(segment);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            if (segment.equals(ELEMENT)) {
                return node.has("items") ? Optional.of(new Schema(document, node.path("items"))) : Optional.empty();
            }
            if (node.path("properties").has(segment)) {
                return Optional.of(new Schema(document, node.path("properties").path(segment)));
            }
            JsonNode additional = node.path("additionalProperties");
            if (additional.isObject()) {
                return Optional.of(new Schema(document, additional));
            }
            return additional.asBoolean(false) ? Optional.of(new Schema(document, additional)) : Optional.empty();
        }

        private JsonNode resolved() {
            JsonNode node = this.node;
            while (node.has("$ref")) {
                String ref = node.path("$ref").asString();
                node = document.at(ref.substring(1));
            }
            return node;
        }

        private static List<String> append(List<String> path, String segment) {
            List<String> longer = new ArrayList<>(path);
            longer.add(segment);
            return longer;
        }
    }
}
