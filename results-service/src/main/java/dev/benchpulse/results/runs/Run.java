package dev.benchpulse.results.runs;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A run as stored: what was requested, what the latest attempt reported, how it ended. Columns are filled by
 * whichever of the run request and the lifecycle events arrives first, and completed by the others.
 *
 * @param attemptId    the latest attempt: the only one whose samples are kept
 * @param createdAt    when the run was requested (or first heard of, if its events came before its request)
 * @param samplesTaken how many samples the latest attempt took, as its BenchmarkCompleted said; null before
 * @param matrixId     the request it was queued with when that request queued several runs, else null
 * @param groupId      the runs whose samples it took in turns with on one runner, else null
 */
@Table("runs")
public record Run(
        @Id UUID id,
        String benchmark,
        String benchmarkName,
        String category,
        String runtime,
        String phpVersion,
        Json runtimeSettings,
        String status,
        Integer iterations,
        Integer warmupIterations,
        Integer innerIterations,
        Instant requestedAt,
        String requestedBy,
        UUID attemptId,
        Instant startedAt,
        Instant completedAt,
        String failureReason,
        String failureMessage,
        String errorSection,
        Integer errorLine,
        Instant createdAt,
        Integer samplesTaken,
        UUID matrixId,
        UUID groupId) {

    public RunStatus runStatus() {
        return RunStatus.valueOf(status);
    }
}
