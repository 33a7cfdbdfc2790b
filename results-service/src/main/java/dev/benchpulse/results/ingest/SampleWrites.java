package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.avro.BenchmarkProgress;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The fast path: many samples in one statement. The arrays of a chunk of Progress events are unnested into one
 * {@code INSERT … SELECT}; the join on {@code runs} keeps only samples of each run's current attempt (a late sample
 * of an abandoned attempt finds no row), and {@code ON CONFLICT DO NOTHING} drops samples already stored.
 */
@Component
class SampleWrites {

    private static final String INSERT = """
            INSERT INTO samples (run_id, attempt_id, iteration, sequence, time_per_op_ns, memory_used_bytes,
                peak_memory_bytes)
            SELECT s.run_id, s.attempt_id, s.iteration, s.seq, s.t, s.m, s.p
            FROM unnest($1::uuid[], $2::uuid[], $3::int4[], $4::int4[], $5::float8[], $6::int8[], $7::int8[])
                AS s(run_id, attempt_id, iteration, seq, t, m, p)
            JOIN runs r ON r.id = s.run_id AND r.attempt_id = s.attempt_id
            ON CONFLICT DO NOTHING""";

    private final DatabaseClient db;

    SampleWrites(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the samples of {@code chunk}; returns how many were new. */
    Mono<Long> insert(List<BenchmarkProgress> chunk) {
        int n = chunk.size();
        UUID[] runs = new UUID[n];
        UUID[] attempts = new UUID[n];
        int[] iterations = new int[n];
        int[] sequences = new int[n];
        double[] times = new double[n];
        long[] used = new long[n];
        long[] peaks = new long[n];
        for (int i = 0; i < n; i++) {
            BenchmarkProgress p = chunk.get(i);
            runs[i] = p.getRunId();
            attempts[i] = p.getAttemptId();
            iterations[i] = p.getCurrentIteration();
            sequences[i] = p.getSequence();
            times[i] = p.getSample().getTimePerOperationNanos();
            used[i] = p.getSample().getMemoryUsedBytes();
            peaks[i] = p.getSample().getPeakMemoryBytes();
        }
        return db.sql(INSERT)
                .bind(0, runs)
                .bind(1, attempts)
                .bind(2, iterations)
                .bind(3, sequences)
                .bind(4, times)
                .bind(5, used)
                .bind(6, peaks)
                .fetch()
                .rowsUpdated();
    }
}
