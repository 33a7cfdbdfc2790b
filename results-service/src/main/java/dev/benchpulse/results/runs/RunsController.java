package dev.benchpulse.results.runs;

import dev.benchpulse.results.problem.BadRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/runs}: the list of runs, one run, its samples. */
@RestController
@RequestMapping("/api/runs")
class RunsController {

    static final String TEXT_CSV = "text/csv";

    private final RunQueries queries;
    private final SampleRepository samples;

    RunsController(RunQueries queries, SampleRepository samples) {
        this.queries = queries;
        this.samples = samples;
    }

    /**
     * Runs, newest first, optionally of one benchmark, runtime, status and requester; {@code page} is 0-based. The
     * runner counts a requester's queued runs with it ({@code requestedBy} as the run request recorded it).
     */
    @GetMapping
    Mono<RunPage> list(
            @RequestParam(required = false) String benchmark,
            @RequestParam(required = false) String runtime,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String requestedBy,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.list(new RunRepository.RunFilter(benchmark, runtime, status(status), requestedBy), page, size);
    }

    @GetMapping("/{id}")
    Mono<RunView> run(@PathVariable UUID id) {
        return queries.view(id);
    }

    /** Every sample of the run's current attempt, in order. */
    @GetMapping(value = "/{id}/samples", produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<SampleRow> samples(@PathVariable UUID id) {
        return queries.run(id).thenMany(samples.samples(id));
    }

    /** The same samples as CSV, one line per sample after a header line. */
    @GetMapping(value = "/{id}/samples", produces = TEXT_CSV)
    Mono<String> samplesCsv(@PathVariable UUID id) {
        return queries.run(id)
                .thenMany(samples.samples(id))
                .map(s -> s.iteration() + "," + s.timePerOperationNanos() + "," + s.memoryUsedBytes() + ","
                        + s.peakMemoryBytes() + "\n")
                .reduce(
                        new StringBuilder("iteration,time_per_operation_ns,memory_used_bytes,peak_memory_bytes\n"),
                        StringBuilder::append)
                .map(StringBuilder::toString);
    }

    private static RunStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RunStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "status",
                    "Unknown status '" + value + "': use one of " + Arrays.toString(RunStatus.values()) + ".");
        }
    }
}
