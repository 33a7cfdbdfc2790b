package dev.benchpulse.results.runs;

import dev.benchpulse.results.statistics.Interval;
import dev.benchpulse.results.statistics.RunStatistics;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The stored statistics of completed runs. */
@Repository
public class StatisticsRepository {

    private final DatabaseClient db;

    StatisticsRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<RunStatistics> find(UUID runId) {
        return db.sql("SELECT * FROM run_statistics WHERE run_id = :run")
                .bind("run", runId)
                .map(StatisticsRepository::read)
                .one();
    }

    public Mono<Long> save(UUID runId, RunStatistics s) {
        return db.sql("""
                INSERT INTO run_statistics (run_id, n, mean, median, mode, min, max, stddev, cv, p50, p90, p95, p99,
                    ci95_low, ci95_high, outliers_low, outliers_high, outliers_count, mean_memory_used, peak_memory,
                    ops_per_second)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
                ON CONFLICT (run_id) DO UPDATE SET n = EXCLUDED.n, mean = EXCLUDED.mean, median = EXCLUDED.median,
                    mode = EXCLUDED.mode, min = EXCLUDED.min, max = EXCLUDED.max, stddev = EXCLUDED.stddev,
                    cv = EXCLUDED.cv, p50 = EXCLUDED.p50, p90 = EXCLUDED.p90, p95 = EXCLUDED.p95, p99 = EXCLUDED.p99,
                    ci95_low = EXCLUDED.ci95_low, ci95_high = EXCLUDED.ci95_high,
                    outliers_low = EXCLUDED.outliers_low, outliers_high = EXCLUDED.outliers_high,
                    outliers_count = EXCLUDED.outliers_count, mean_memory_used = EXCLUDED.mean_memory_used,
                    peak_memory = EXCLUDED.peak_memory, ops_per_second = EXCLUDED.ops_per_second,
                    computed_at = now()""")
                .bindValues(java.util.Arrays.asList(
                        runId,
                        s.n(),
                        s.mean(),
                        s.median(),
                        s.mode(),
                        s.min(),
                        s.max(),
                        nullable(s.stddev()),
                        nullable(s.cv()),
                        s.p50(),
                        s.p90(),
                        s.p95(),
                        s.p99(),
                        nullable(s.ci95() == null ? null : s.ci95().low()),
                        nullable(s.ci95() == null ? null : s.ci95().high()),
                        s.outliers().low(),
                        s.outliers().high(),
                        s.outliers().count(),
                        s.memory().meanUsedBytes(),
                        s.memory().peakBytes(),
                        s.opsPerSecond()))
                .fetch()
                .rowsUpdated();
    }

    private static Object nullable(Double value) {
        return value == null ? org.springframework.r2dbc.core.Parameter.empty(Double.class) : value;
    }

    static RunStatistics read(Readable row) {
        Double ciLow = row.get("ci95_low", Double.class);
        Double ciHigh = row.get("ci95_high", Double.class);
        return new RunStatistics(
                row.get("n", Integer.class),
                row.get("mean", Double.class),
                row.get("median", Double.class),
                row.get("mode", Double.class),
                row.get("min", Double.class),
                row.get("max", Double.class),
                row.get("stddev", Double.class),
                row.get("cv", Double.class),
                row.get("p50", Double.class),
                row.get("p90", Double.class),
                row.get("p95", Double.class),
                row.get("p99", Double.class),
                ciLow == null ? null : new Interval(ciLow, ciHigh),
                new RunStatistics.Outliers(
                        RunStatistics.Outliers.TUKEY,
                        row.get("outliers_low", Double.class),
                        row.get("outliers_high", Double.class),
                        row.get("outliers_count", Integer.class)),
                new RunStatistics.Memory(row.get("mean_memory_used", Double.class), row.get("peak_memory", Long.class)),
                row.get("ops_per_second", Double.class));
    }
}
