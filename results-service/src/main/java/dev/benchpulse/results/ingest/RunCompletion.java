package dev.benchpulse.results.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decides when a run whose runner finished is complete: once every sample its latest attempt took (the count its
 * BenchmarkCompleted gave) is stored, and not before. Then the run becomes COMPLETED and its statistics are
 * computed over exactly those samples. A run still short of samples after the completion timeout is INCOMPLETE;
 * samples that arrive later (replayed from the dead-letter topic) still complete it.
 */
@Component
class RunCompletion {

    /** The run's samples of its latest attempt within 1..samples_taken, counted against samples_taken. */
    private static final String ALL_SAMPLES_STORED = """
            r.samples_taken IS NOT NULL AND r.samples_taken <= (SELECT count(*) FROM samples s
                WHERE s.run_id = r.id AND s.attempt_id = r.attempt_id AND s.iteration BETWEEN 1 AND r.samples_taken)""";

    private final DatabaseClient db;
    private final CompletedRunStatistics statistics;

    RunCompletion(DatabaseClient db, CompletedRunStatistics statistics) {
        this.db = db;
        this.statistics = statistics;
    }

    /** Completes those of {@code runs} that wait for samples and now have them all; stores their statistics. */
    Mono<Void> settle(Collection<UUID> runs) {
        if (runs.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE runs r SET status = 'COMPLETED' WHERE r.id = ANY($1) "
                        + "AND r.status IN ('RUNNING', 'INCOMPLETE') AND " + ALL_SAMPLES_STORED + " RETURNING r.id")
                .bind(0, runs.toArray(UUID[]::new))
                .map(row -> row.get(0, UUID.class))
                .all()
                .concatMap(statistics::store)
                .then();
    }

    /** Marks INCOMPLETE the runs that still miss samples {@code timeout} after their runner finished. */
    Flux<UUID> markIncomplete(Duration timeout) {
        return db.sql("""
                UPDATE runs SET status = 'INCOMPLETE'
                WHERE status = 'RUNNING' AND samples_taken IS NOT NULL
                    AND completion_reported_at < now() - make_interval(secs => $1)
                RETURNING id""")
                .bind(0, timeout.toMillis() / 1000.0)
                .map(row -> row.get(0, UUID.class))
                .all();
    }
}
