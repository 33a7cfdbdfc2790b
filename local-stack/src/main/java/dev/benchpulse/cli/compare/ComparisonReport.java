package dev.benchpulse.cli.compare;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.Statistics;
import dev.benchpulse.cli.output.StatisticsTable;
import dev.benchpulse.cli.output.StatisticsTable.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Prints a comparison ({@code GET /api/benchmarks/{slug}/comparison}): each runtime's statistics, then for each
 * pair the ratio of medians with its confidence interval, the p-value and the verdict. Reads the fields by the
 * names the results API uses, and a few likely alternatives, so a renamed field shows as "-" rather than failing.
 */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    /** The statistics table, a blank line, then one line per pair. */
    public static List<String> lines(JsonNode comparison) {
        List<String> lines = new ArrayList<>(StatisticsTable.rows(runtimes(comparison)));
        List<String> pairs = pairLines(comparison);
        if (!pairs.isEmpty()) {
            lines.add("");
            lines.addAll(pairs);
        }
        return lines;
    }

    /** One line per pair of runtimes: "b vs a: median ratio 0.830 [0.800, 0.860], p = 0.000100 -> faster". */
    public static List<String> pairLines(JsonNode comparison) {
        List<String> lines = new ArrayList<>();
        first(comparison, "comparisons", "pairs", "ratios").forEach(pair -> lines.add(pair(pair)));
        return lines;
    }

    private static List<Row> runtimes(JsonNode comparison) {
        List<Row> rows = new ArrayList<>();
        JsonNode runtimes = first(comparison, "runtimes", "results", "runs");
        if (runtimes.isObject()) {
            runtimes.properties().forEach(e -> rows.add(row(e.getKey(), e.getValue())));
        } else {
            runtimes.forEach(entry -> rows.add(row(runtimeId(entry), entry)));
        }
        return rows;
    }

    private static Row row(String runtime, JsonNode entry) {
        JsonNode statistics = entry.has("statistics") ? entry.path("statistics") : entry;
        return new Row(runtime, statistics.isObject()
                ? ApiClient.JSON.treeToValue(statistics, Statistics.class) : null);
    }

    private static String runtimeId(JsonNode entry) {
        JsonNode runtime = first(entry, "runtime", "id", "runtimeId");
        return runtime.isObject() ? runtime.path("id").asString("?") : runtime.asString("?");
    }

    private static String pair(JsonNode pair) {
        String baseline = name(first(pair, "baseline", "a", "runtimeA", "reference", "first"));
        String candidate = name(first(pair, "candidate", "b", "runtimeB", "other", "second", "contender"));
        JsonNode ratio = first(pair, "ratio", "ratioOfMedians", "medianRatio");
        JsonNode ci = first(pair, "ci95", "confidenceInterval", "ratioCi95");
        JsonNode p = first(pair, "pValue", "p", "mannWhitneyP", "mannWhitneyPValue");
        String verdict = first(pair, "verdict", "result").asString("-").toLowerCase(Locale.ROOT).replace('_', ' ');
        return "%s vs %s: median ratio %s %s, p = %s -> %s".formatted(candidate, baseline, number(ratio),
                ci.isObject() ? "[" + number(ci.path("low")) + ", " + number(ci.path("high")) + "]" : "",
                p.isNumber() ? String.format(Locale.ROOT, "%.3g", p.asDouble()) : "-", verdict);
    }

    private static String name(JsonNode node) {
        return node.isObject() ? node.path("id").asString(node.path("runtime").asString("?")) : node.asString("?");
    }

    private static String number(JsonNode node) {
        return node.isNumber() ? String.format(Locale.ROOT, "%.3f", node.asDouble()) : "-";
    }

    private static JsonNode first(JsonNode node, String... names) {
        for (String name : names) {
            if (node.has(name) && !node.path(name).isNull()) {
                return node.path(name);
            }
        }
        return ApiClient.JSON.missingNode();
    }
}
