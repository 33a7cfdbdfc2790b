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
 * names the results API uses ({@code runtimes[].statistics}, {@code pairs[] {a, b, medianRatio, ci95, pValue,
 * verdict}}); a field it does not find shows as "-" rather than failing.
 */
public final class ComparisonReport {

    private ComparisonReport() {}

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

    /**
     * One line per pair: "a vs b: median ratio 0.830 [0.800, 0.860], p = 0.000100 -> faster", the ratio being a's
     * median over b's and the verdict saying how a compares with b.
     */
    public static List<String> pairLines(JsonNode comparison) {
        List<String> lines = new ArrayList<>();
        first(comparison, "pairs", "comparisons").forEach(pair -> lines.add(pair(pair)));
        return lines;
    }

    private static List<Row> runtimes(JsonNode comparison) {
        List<Row> rows = new ArrayList<>();
        JsonNode runtimes = first(comparison, "runtimes", "results");
        if (runtimes.isObject()) {
            runtimes.properties().forEach(e -> rows.add(row(e.getKey(), e.getValue())));
        } else {
            runtimes.forEach(entry -> rows.add(row(runtimeId(entry), entry)));
        }
        return rows;
    }

    private static Row row(String runtime, JsonNode entry) {
        JsonNode statistics = entry.has("statistics") ? entry.path("statistics") : entry;
        return new Row(
                runtime, statistics.isObject() ? ApiClient.JSON.treeToValue(statistics, Statistics.class) : null);
    }

    private static String runtimeId(JsonNode entry) {
        JsonNode runtime = first(entry, "runtime", "id", "runtimeId");
        return runtime.isObject() ? runtime.path("id").asString("?") : runtime.asString("?");
    }

    private static String pair(JsonNode pair) {
        String subject = name(first(pair, "a", "candidate", "runtimeA"));
        String reference = name(first(pair, "b", "baseline", "runtimeB"));
        JsonNode ratio = first(pair, "medianRatio", "ratio", "ratioOfMedians");
        JsonNode ci = first(pair, "ci95", "confidenceInterval");
        JsonNode p = first(pair, "pValue", "p");
        String verdict =
                first(pair, "verdict").asString("-").toLowerCase(Locale.ROOT).replaceAll("[-_]", " ");
        return "%s vs %s: median ratio %s %s, p = %s -> %s"
                .formatted(
                        subject,
                        reference,
                        number(ratio),
                        ci.isObject() ? "[" + number(ci.path("low")) + ", " + number(ci.path("high")) + "]" : "",
                        p.isNumber() ? String.format(Locale.ROOT, "%.3g", p.asDouble()) : "-",
                        verdict);
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
