package dev.benchpulse.results.versions;

import io.r2dbc.postgresql.codec.Json;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The latest completed run of each runtime of a benchmark, or of each benchmark on a runtime, in one query. */
@Repository
class LatestRuns {

    /** More runtimes than any machine configures; a bound on the work of one request. */
    static final int MAX_RUNTIMES = 40;

    private final DatabaseClient db;

    LatestRuns(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A completed run with the statistics the views need.
     *
     * @param settings the runtime's ini settings as the runner reported them (jsonb text)
     */
    record Latest(
            UUID id,
            String benchmark,
            String benchmarkName,
            String category,
            String runtime,
            String phpVersion,
            String settings,
            int n,
            double median,
            double p90,
            double p99,
            Double cv) {}

    /** Per runtime, the latest completed run of {@code benchmark}. */
    Flux<Latest> ofBenchmark(String benchmark) {
        return db.sql(SELECT + """
                WHERE r.benchmark = :benchmark AND r.status = 'COMPLETED'
                ORDER BY r.runtime, r.completed_at DESC, r.id DESC
                LIMIT""" + " " + MAX_RUNTIMES)
                .bind("benchmark", benchmark)
                .map(LatestRuns::latest)
                .all();
    }

    /** Per benchmark, the latest completed run on {@code runtime}. */
    Flux<Latest> ofRuntime(String runtime) {
        return db.sql(SELECT.replace("DISTINCT ON (r.runtime)", "DISTINCT ON (r.benchmark)") + """
                WHERE r.runtime = :runtime AND r.status = 'COMPLETED'
                ORDER BY r.benchmark, r.completed_at DESC, r.id DESC""")
                .bind("runtime", runtime)
                .map(LatestRuns::latest)
                .all();
    }

    private static final String SELECT = """
            SELECT DISTINCT ON (r.runtime) r.id, r.benchmark, r.benchmark_name, r.category, r.runtime, r.php_version,
                r.runtime_settings, s.n, s.median, s.p90, s.p99, s.cv
            FROM runs r JOIN run_statistics s ON s.run_id = r.id
            """;

    private static Latest latest(io.r2dbc.spi.Row row, io.r2dbc.spi.RowMetadata meta) {
        Json settings = row.get("runtime_settings", Json.class);
        return new Latest(
                row.get("id", UUID.class),
                row.get("benchmark", String.class),
                row.get("benchmark_name", String.class),
                row.get("category", String.class),
                row.get("runtime", String.class),
                row.get("php_version", String.class),
                settings == null ? "{}" : settings.asString(),
                row.get("n", Integer.class),
                row.get("median", Double.class),
                row.get("p90", Double.class),
                row.get("p99", Double.class),
                row.get("cv", Double.class));
    }
}
