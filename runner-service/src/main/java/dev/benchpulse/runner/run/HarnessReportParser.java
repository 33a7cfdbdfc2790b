package dev.benchpulse.runner.run;

import dev.benchpulse.runner.run.HarnessReport.Measured;
import dev.benchpulse.runner.run.HarnessReport.Missing;
import dev.benchpulse.runner.run.HarnessReport.ScriptError;
import dev.benchpulse.runner.run.HarnessReport.Unreadable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON report lines a sample's PHP process writes (see {@link HarnessReport}). */
final class HarnessReportParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HarnessReportParser() {}

    static HarnessReport parse(String stdout, SourceMap sourceMap) {
        boolean started = false;
        HarnessReport report = null;
        for (String line :
                stdout.lines().filter(l -> l.startsWith("{\"benchpulse\":")).toList()) {
            try {
                JsonNode node = JSON.readTree(line);
                switch (node.path("benchpulse").asString()) {
                    case "started" -> started = true;
                    case "result" -> report = measured(node);
                    case "error" -> report = error(node, sourceMap);
                    default -> report = new Unreadable("unknown report line: " + line);
                }
            } catch (JacksonException | IllegalArgumentException e) {
                return new Unreadable(e.getMessage() + " in: " + shorten(line));
            }
        }
        return report != null ? report : new Missing(started || !stdout.isBlank());
    }

    private static Measured measured(JsonNode node) {
        long inner = required(node, "innerIterations").asLong();
        if (inner < 1) {
            throw new IllegalArgumentException("innerIterations must be at least 1");
        }
        return new Measured(
                required(node, "elapsedNanos").asLong(),
                inner,
                required(node, "memoryUsedBytes").asLong(),
                required(node, "peakMemoryBytes").asLong(),
                node.path("phpVersion").asString(),
                node.path("opcached").asBoolean(),
                node.path("jit").asBoolean(),
                node.path("jitCodeBytes").asLong());
    }

    private static ScriptError error(JsonNode node, SourceMap sourceMap) {
        List<Integer> harnessLines = new ArrayList<>();
        node.path("locations").forEach(l -> {
            if (l.path("harness").asBoolean()) {
                harnessLines.add(l.path("line").asInt());
            }
        });
        Optional<SourceMap.Position> position = harnessLines.stream()
                .map(sourceMap::find)
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> harnessLines.stream().findFirst().flatMap(sourceMap::findNear));
        return new ScriptError(
                node.path("kind").asString(), node.path("message").asString(), position);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("result field " + field + " is missing or not an integer");
        }
        return value;
    }

    private static String shorten(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
