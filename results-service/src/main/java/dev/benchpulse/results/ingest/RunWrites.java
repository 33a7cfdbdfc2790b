package dev.benchpulse.results.ingest;

import static dev.benchpulse.results.ingest.Params.bind;

import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.avro.RunRequested;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotent writes of a run's lifecycle. Each returns whether it changed anything; applying the same event
 * twice changes nothing the second time.
 */
@Component
class RunWrites {

    private final DatabaseClient db;
    private final JsonMapper json;

    RunWrites(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Records a requested run as QUEUED, or completes the request fields of a run whose events came first. */
    Mono<Boolean> requested(RunRequested r) {
        var spec = db.sql("""
                INSERT INTO runs (id, benchmark, runtime, status, iterations, warmup_iterations, inner_iterations,
                    requested_at, requested_by, created_at, matrix_id, group_id)
                VALUES (:id, :benchmark, :runtime, 'QUEUED', :iterations, :warmup, :inner, :requestedAt,
                    :requestedBy, :requestedAt, :matrix, :group)
                ON CONFLICT (id) DO UPDATE SET
                    iterations = COALESCE(runs.iterations, EXCLUDED.iterations),
                    warmup_iterations = COALESCE(runs.warmup_iterations, EXCLUDED.warmup_iterations),
                    inner_iterations = COALESCE(runs.inner_iterations, EXCLUDED.inner_iterations),
                    requested_at = EXCLUDED.requested_at, requested_by = EXCLUDED.requested_by,
                    created_at = LEAST(runs.created_at, EXCLUDED.created_at),
                    matrix_id = EXCLUDED.matrix_id, group_id = EXCLUDED.group_id
                WHERE runs.requested_at IS NULL""")
                .bind("id", r.getRunId())
                .bind("benchmark", r.getBenchmark())
                .bind("runtime", r.getRuntime())
                .bind("iterations", r.getIterations())
                .bind("requestedAt", r.getRequestedAt())
                .bind("requestedBy", r.getRequestedBy());
        spec = bind(spec, "warmup", r.getWarmupIterations(), Integer.class);
        spec = bind(spec, "inner", r.getInnerIterations(), Integer.class);
        spec = bind(spec, "matrix", r.getMatrixId(), UUID.class);
        spec = bind(spec, "group", r.getGroup() == null ? null : r.getGroup().getGroupId(), UUID.class);
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /**
     * Makes the event's attempt the run's current one, unless that attempt was already seen: the run becomes
     * RUNNING and the samples (and statistics) of any other attempt are deleted.
     */
    Mono<Boolean> started(BenchmarkStarted s) {
        return db.sql("INSERT INTO attempts (run_id, attempt_id, started_at) VALUES (:run, :attempt, :at) "
                        + "ON CONFLICT DO NOTHING")
                .bind("run", s.getRunId())
                .bind("attempt", s.getAttemptId())
                .bind("at", s.getOccurredAt())
                .fetch()
                .rowsUpdated()
                .flatMap(inserted ->
                        inserted == 0 ? Mono.just(false) : startAttempt(s).thenReturn(true));
    }

    private Mono<Void> startAttempt(BenchmarkStarted s) {
        var upsert = db.sql("""
                INSERT INTO runs (id, benchmark, benchmark_name, category, runtime, php_version, runtime_settings,
                    status, iterations, warmup_iterations, inner_iterations, attempt_id, started_at, created_at)
                VALUES (:id, :benchmark, :name, :category, :runtime, :php, CAST(:settings AS jsonb), 'RUNNING',
                    :iterations, :warmup, :inner, :attempt, :at, :at)
                ON CONFLICT (id) DO UPDATE SET benchmark_name = EXCLUDED.benchmark_name,
                    category = EXCLUDED.category, php_version = EXCLUDED.php_version,
                    runtime_settings = EXCLUDED.runtime_settings, status = 'RUNNING',
                    iterations = EXCLUDED.iterations, warmup_iterations = EXCLUDED.warmup_iterations,
                    inner_iterations = EXCLUDED.inner_iterations, attempt_id = EXCLUDED.attempt_id,
                    started_at = EXCLUDED.started_at, completed_at = NULL, failure_reason = NULL,
                    failure_message = NULL, error_section = NULL, error_line = NULL, samples_taken = NULL,
                    completion_reported_at = NULL""")
                .bind("id", s.getRunId())
                .bind("benchmark", s.getBenchmark().getSlug())
                .bind("name", s.getBenchmark().getName())
                .bind("category", s.getBenchmark().getCategory())
                .bind("runtime", s.getRuntime().getId())
                .bind("settings", json(s.getRuntime().getSettings()))
                .bind("iterations", s.getTotalIterations())
                .bind("warmup", s.getWarmupIterations())
                .bind("inner", s.getInnerIterations())
                .bind("attempt", s.getAttemptId())
                .bind("at", s.getOccurredAt());
        upsert = bind(upsert, "php", s.getRuntime().getPhpVersion(), String.class);
        Mono<Long> dropOthers = db.sql("DELETE FROM samples WHERE run_id = :run AND attempt_id <> :attempt")
                .bind("run", s.getRunId())
                .bind("attempt", s.getAttemptId())
                .fetch()
                .rowsUpdated();
        Mono<Long> dropStatistics = db.sql("DELETE FROM run_statistics WHERE run_id = :run")
                .bind("run", s.getRunId())
                .fetch()
                .rowsUpdated();
        return upsert.fetch()
                .rowsUpdated()
                .then(dropOthers)
                .then(dropStatistics)
                .then();
    }

    /**
     * Records that the run's current attempt finished and how many samples it took, if the event is of that attempt
     * and the run is RUNNING. The run stays RUNNING: {@link RunCompletion} completes it once those samples are all
     * stored.
     */
    Mono<Boolean> completed(BenchmarkCompleted c) {
        int taken = c.getSamplesTaken() != null ? c.getSamplesTaken() : c.getTotalIterations();
        return db.sql("""
                UPDATE runs SET completed_at = :at, samples_taken = :taken, completion_reported_at = now()
                WHERE id = :run AND attempt_id = :attempt AND status = 'RUNNING' AND samples_taken IS NULL""")
                .bind("run", c.getRunId())
                .bind("attempt", c.getAttemptId())
                .bind("at", c.getOccurredAt())
                .bind("taken", taken)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /**
     * Ends a queued or running run as FAILED (CANCELLED for a cancellation); a run that failed before it started
     * is created from the event alone. A failure of an attempt other than the current one is ignored, unless that
     * attempt never started: a runner refused the run (cancelled meanwhile, or its earlier attempts lost with their
     * runner), which ends it whichever attempt started last.
     */
    Mono<Boolean> failed(BenchmarkFailed f) {
        var spec = db.sql("""
                INSERT INTO runs (id, benchmark, benchmark_name, category, runtime, php_version, runtime_settings,
                    status, completed_at, failure_reason, failure_message, error_section, error_line, created_at)
                VALUES (:id, :benchmark, :name, :category, :runtime, :php, CAST(:settings AS jsonb), :status, :at,
                    :reason, :message, :section, :line, :at)
                ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, completed_at = EXCLUDED.completed_at,
                    failure_reason = EXCLUDED.failure_reason, failure_message = EXCLUDED.failure_message,
                    error_section = EXCLUDED.error_section, error_line = EXCLUDED.error_line,
                    benchmark_name = COALESCE(runs.benchmark_name, EXCLUDED.benchmark_name),
                    category = COALESCE(runs.category, EXCLUDED.category),
                    php_version = COALESCE(runs.php_version, EXCLUDED.php_version)
                WHERE runs.status IN ('QUEUED', 'RUNNING')
                    AND (runs.attempt_id IS NULL OR runs.attempt_id = :attempt OR NOT EXISTS (
                        SELECT 1 FROM attempts WHERE attempts.run_id = :id AND attempts.attempt_id = :attempt))""")
                .bind("id", f.getRunId())
                .bind("benchmark", f.getBenchmark().getSlug())
                .bind("name", f.getBenchmark().getName())
                .bind("category", f.getBenchmark().getCategory())
                .bind("runtime", f.getRuntime().getId())
                .bind("settings", json(f.getRuntime().getSettings()))
                .bind("status", f.getReason() == FailureReason.CANCELLED ? "CANCELLED" : "FAILED")
                .bind("at", f.getOccurredAt())
                .bind("reason", f.getReason().name())
                .bind("message", f.getMessage())
                .bind("attempt", f.getAttemptId());
        spec = bind(spec, "php", f.getRuntime().getPhpVersion(), String.class);
        spec = bind(spec, "section", f.getErrorSection(), String.class);
        spec = bind(spec, "line", f.getErrorLine(), Integer.class);
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private String json(Map<String, String> settings) {
        return json.writeValueAsString(settings);
    }
}
