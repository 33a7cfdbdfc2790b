package dev.benchpulse.launcher.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard the {@code observability} compose profile provisions queries only meters the services serve:
 * every metric name in its PromQL is listed in {@code observability/metrics/<service>.txt}, and each service's
 * {@code PrometheusEndpointIntegrationTests} checks that its scrape holds every name its file lists. It shows what
 * docs/operations.md promises, from data sources that Grafana is provisioned with.
 */
class ObservabilityDashboardTests {

    private static final Path OBSERVABILITY =
            Path.of("..").toAbsolutePath().normalize().resolve("observability");
    /** Series Prometheus makes itself for every target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

    private final Map<String, Object> dashboard = load(OBSERVABILITY.resolve("grafana/dashboards/benchpulse.json"));

    @Test
    void every_query_names_only_meters_the_services_are_checked_to_serve() throws IOException {
        Set<String> served = new TreeSet<>(PROMETHEUS_OWN);
        try (Stream<Path> files = Files.list(OBSERVABILITY.resolve("metrics"))) {
            files.forEach(file -> served.addAll(listed(file)));
        }
        List<String> queries = queries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(7);
        for (String query : queries) {
            assertThat(metricNames(query)).as(query).isNotEmpty().isSubsetOf(served);
        }
    }

    @Test
    void it_shows_runs_ingestion_lag_dead_letters_the_hub_and_the_notifier() {
        assertThat(panels())
                .extracting(panel -> (String) panel.get("title"))
                .contains(
                        "Runs per second",
                        "Samples ingested per second",
                        "Consumer lag per group",
                        "Dead-letter depth",
                        "Hub subscribers and deliveries",
                        "Notifier publish latency");
        assertThat(String.join("\n", queries()))
                .contains(
                        "benchpulse_runner_runs_completed_total",
                        "benchpulse_results_samples_stored_total",
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "benchpulse_kafka_dead_letter_depth",
                        "mercure_subscribers",
                        "mercure_updates_dispatched_total",
                        "benchpulse_notifier_publish_latency_seconds_bucket");
    }

    @Test
    void its_data_sources_and_folder_are_the_provisioned_ones() {
        Map<String, Object> sources = load(OBSERVABILITY.resolve("grafana/provisioning/datasources/datasources.yml"));
        Set<Object> uids = new TreeSet<>();
        ((List<?>) sources.get("datasources"))
                .forEach(source -> uids.add(map(source).get("uid")));
        assertThat(uids).contains("prometheus", "tempo");
        for (Map<String, Object> panel : panels()) {
            assertThat(map(panel.get("datasource")).get("uid"))
                    .as((String) panel.get("title"))
                    .isIn(uids);
        }
        Map<String, Object> providers = load(OBSERVABILITY.resolve("grafana/provisioning/dashboards/dashboards.yml"));
        Map<String, Object> options =
                map(map(((List<?>) providers.get("providers")).getFirst()).get("options"));
        assertThat(options.get("path")).isEqualTo("/var/lib/grafana/dashboards");
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, labels or keywords. */
    static Set<String> metricNames(String query) {
        String bare = query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            if (!PROMQL_WORDS.contains(matcher.group().toLowerCase())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    @Test
    void metric_names_are_told_apart_from_functions_labels_and_ranges() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket{outcome=\"x\"}"
                        + "[$__rate_interval]))) / on (job) b_total"))
                .containsExactly("a_seconds_bucket", "b_total");
    }

    private List<String> queries() {
        List<String> queries = new ArrayList<>();
        panels().forEach(panel -> ((List<?>) panel.get("targets"))
                .forEach(target -> queries.add((String) map(target).get("expr"))));
        return queries;
    }

    private List<Map<String, Object>> panels() {
        List<Map<String, Object>> panels = new ArrayList<>();
        ((List<?>) dashboard.get("panels")).forEach(panel -> panels.add(map(panel)));
        return panels;
    }

    private static Set<String> listed(Path file) {
        try {
            Set<String> names = new TreeSet<>();
            Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> names.add(line.strip()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
