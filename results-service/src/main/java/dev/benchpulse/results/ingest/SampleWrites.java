package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.avro.BenchmarkProgress;

import java.util.List;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The fast path: many samples in few statements. A chunk of Progress events is streamed with a binary {@code COPY}
 * into a temporary staging table of the connection, then moved into {@code samples} by one {@code INSERT … SELECT}:
 * the join on {@code runs} keeps only samples of each run's current attempt (a late sample of an abandoned attempt
 * finds no row), and {@code ON CONFLICT DO NOTHING} drops samples already stored. The staging table lives in the
 * session (no WAL, no locks shared with other connections) and is emptied by the same statement, so it is empty
 * between chunks and, whatever happens, at every transaction's end ({@code ON COMMIT DELETE ROWS}; a rollback undoes
 * the copy too).
 */
@Component
class SampleWrites {

    private static final String STAGING = """
            CREATE TEMPORARY TABLE IF NOT EXISTS sample_staging
                (LIKE samples) ON COMMIT DELETE ROWS""";

    private static final String COPY = "COPY sample_staging (run_id, attempt_id, iteration, sequence, "
            + "time_per_op_ns, memory_used_bytes, peak_memory_bytes) FROM STDIN WITH (FORMAT binary)";

    private static final String INSERT = """
            WITH staged AS (DELETE FROM sample_staging RETURNING *)
            INSERT INTO samples (run_id, attempt_id, iteration, sequence, time_per_op_ns, memory_used_bytes,
                peak_memory_bytes)
            SELECT s.run_id, s.attempt_id, s.iteration, s.sequence, s.time_per_op_ns, s.memory_used_bytes,
                s.peak_memory_bytes
            FROM staged s JOIN runs r ON r.id = s.run_id AND r.attempt_id = s.attempt_id
            ON CONFLICT DO NOTHING""";

    private final DatabaseClient db;

    SampleWrites(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the samples of {@code chunk}; returns how many were new. Must run inside a transaction. */
    Mono<Long> insert(List<BenchmarkProgress> chunk) {
        return db.sql(STAGING).then()
                .then(db.inConnection(connection -> postgres(connection)
                        .copyIn(COPY, Mono.fromSupplier(() -> SampleCopyFormat.encode(chunk)))))
                .then(db.sql(INSERT).fetch().rowsUpdated());
    }

    /** The driver's own connection behind the pool's and Spring's wrappers: only it speaks {@code COPY}. */
    private static PostgresqlConnection postgres(Connection connection) {
        Object current = connection;
        while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        if (current instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException("Samples are copied with r2dbc-postgresql; the connection is a "
                + connection.getClass().getName() + ". Point spring.r2dbc.url at PostgreSQL (r2dbc:postgresql://…)");
    }
}
