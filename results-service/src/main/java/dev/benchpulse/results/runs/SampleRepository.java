package dev.benchpulse.results.runs;

import dev.benchpulse.results.statistics.Samples;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the raw samples of a run's current attempt, in iteration order. */
@Repository
public class SampleRepository {

    private final DatabaseClient db;

    SampleRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<SampleRow> samples(UUID runId) {
        return db.sql("""
                SELECT s.iteration, s.time_per_op_ns, s.memory_used_bytes, s.peak_memory_bytes
                FROM samples s JOIN runs r ON r.id = s.run_id AND r.attempt_id = s.attempt_id
                WHERE s.run_id = :run ORDER BY s.iteration""")
                .bind("run", runId)
                .map(row -> new SampleRow(
                        row.get(0, Integer.class),
                        row.get(1, Double.class),
                        row.get(2, Long.class),
                        row.get(3, Long.class)))
                .all();
    }

    /** The samples of a run's current attempt as arrays for the statistics. */
    public Mono<Samples> measurements(UUID runId) {
        return samples(runId).collectList().map(SampleRepository::toSamples);
    }

    public Mono<Integer> count(UUID runId) {
        return db.sql("""
                SELECT count(*) FROM samples s JOIN runs r ON r.id = s.run_id AND r.attempt_id = s.attempt_id
                WHERE s.run_id = :run""")
                .bind("run", runId)
                .map(row -> row.get(0, Long.class).intValue())
                .one();
    }

    /** The iterations 1..{@code samplesTaken} of the run's current attempt that are not stored, in order. */
    public Flux<Integer> missingIterations(UUID runId, int samplesTaken) {
        return db.sql("""
                SELECT g.i FROM generate_series(1, :taken) AS g(i)
                WHERE NOT EXISTS (SELECT 1 FROM samples s JOIN runs r ON r.id = s.run_id AND r.attempt_id = s.attempt_id
                    WHERE s.run_id = :run AND s.iteration = g.i)
                ORDER BY g.i""")
                .bind("run", runId)
                .bind("taken", samplesTaken)
                .map(row -> row.get(0, Integer.class))
                .all();
    }

    static Samples toSamples(List<SampleRow> rows) {
        double[] times = new double[rows.size()];
        long[] used = new long[rows.size()];
        long[] peak = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            times[i] = rows.get(i).timePerOperationNanos();
            used[i] = rows.get(i).memoryUsedBytes();
            peak[i] = rows.get(i).peakMemoryBytes();
        }
        return new Samples(times, used, peak);
    }
}
