package dev.benchpulse.results.matrix;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Reads the runs of a matrix in one query: each run with the samples its current attempt has taken so far (the
 * stored count once completed) and, when completed, its median.
 */
@Repository
class MatrixRepository {

    private final DatabaseClient db;

    MatrixRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * One run of a matrix.
     *
     * @param taken  samples of its current attempt so far
     * @param median median time per operation in ns once completed, else null
     */
    record MatrixRun(
            UUID id,
            String benchmark,
            String benchmarkName,
            String category,
            String runtime,
            String phpVersion,
            String status,
            Integer iterations,
            int taken,
            Double median,
            String failureReason,
            UUID groupId,
            Instant requestedAt,
            String requestedBy) {}

    Flux<MatrixRun> runs(UUID matrixId) {
        return db.sql("""
                SELECT r.id, r.benchmark, r.benchmark_name, r.category, r.runtime, r.php_version, r.status,
                    r.iterations, r.failure_reason, r.group_id, r.requested_at, r.requested_by, s.median,
                    COALESCE(s.n, (SELECT count(*) FROM samples x
                                   WHERE x.run_id = r.id AND x.attempt_id = r.attempt_id)) AS taken
                FROM runs r LEFT JOIN run_statistics s ON s.run_id = r.id
                WHERE r.matrix_id = :matrix
                ORDER BY r.created_at, r.stored_order""")
                .bind("matrix", matrixId)
                .map((row, meta) -> new MatrixRun(
                        row.get("id", UUID.class),
                        row.get("benchmark", String.class),
                        row.get("benchmark_name", String.class),
                        row.get("category", String.class),
                        row.get("runtime", String.class),
                        row.get("php_version", String.class),
                        row.get("status", String.class),
                        row.get("iterations", Integer.class),
                        row.get("taken", Number.class).intValue(),
                        row.get("median", Double.class),
                        row.get("failure_reason", String.class),
                        row.get("group_id", UUID.class),
                        row.get("requested_at", Instant.class),
                        row.get("requested_by", String.class)))
                .all();
    }
}
