package dev.benchpulse.results.history;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The pinned baseline run of a benchmark on a runtime, if any. */
@Repository
class BaselineRepository {

    private final DatabaseClient db;

    BaselineRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Baseline> find(String benchmark, String runtime) {
        return db.sql("SELECT run_id, pinned_at FROM baselines WHERE benchmark = :benchmark AND runtime = :runtime")
                .bind("benchmark", benchmark)
                .bind("runtime", runtime)
                .map(row -> new Baseline(benchmark, runtime, row.get(0, UUID.class), row.get(1, Instant.class)))
                .one();
    }

    Mono<Baseline> pin(String benchmark, String runtime, UUID runId) {
        return db.sql("""
                INSERT INTO baselines (benchmark, runtime, run_id) VALUES (:benchmark, :runtime, :run)
                ON CONFLICT (benchmark, runtime) DO UPDATE SET run_id = EXCLUDED.run_id, pinned_at = now()""")
                .bind("benchmark", benchmark)
                .bind("runtime", runtime)
                .bind("run", runId)
                .fetch()
                .rowsUpdated()
                .then(find(benchmark, runtime));
    }

    Mono<Long> unpin(String benchmark, String runtime) {
        return db.sql("DELETE FROM baselines WHERE benchmark = :benchmark AND runtime = :runtime")
                .bind("benchmark", benchmark)
                .bind("runtime", runtime)
                .fetch()
                .rowsUpdated();
    }

    /** A run pinned as the baseline of a benchmark on a runtime. */
    record Baseline(String benchmark, String runtime, UUID runId, Instant pinnedAt) {}
}
