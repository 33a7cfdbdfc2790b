package dev.benchpulse.results.matrix;

import dev.benchpulse.results.matrix.MatrixRepository.MatrixRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A matrix as the API shows it: how far the whole request is, and each benchmark's runs.
 *
 * @param id          the matrix id
 * @param requestedAt when it was requested
 * @param requestedBy who asked
 * @param runs        how many runs it queued
 * @param byStatus    runs per status (QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED)
 * @param samples     samples taken so far and in all ({@code taken} of {@code total})
 * @param progress    percent of the samples taken, counting every sample of an ended run as taken
 * @param finished    whether every run has ended
 * @param runtimes    the runtimes, in the order their runs were requested (the first run of each)
 * @param benchmarks  per benchmark (request order), its runs
 */
record MatrixView(
        UUID id,
        Instant requestedAt,
        String requestedBy,
        int runs,
        Map<String, Integer> byStatus,
        Samples samples,
        double progress,
        boolean finished,
        List<String> runtimes,
        List<BenchmarkRow> benchmarks) {

    /** Samples taken so far and in all. */
    record Samples(long taken, long total) {}

    /** One benchmark of the matrix and its runs. */
    record BenchmarkRow(String slug, String name, String category, List<Cell> runs) {}

    /**
     * One run.
     *
     * @param completedIterations samples taken so far
     * @param median              median time per operation (ns) once completed
     * @param failureReason       why it failed, when it did
     */
    record Cell(
            UUID id,
            String runtime,
            String phpVersion,
            String status,
            Integer iterations,
            int completedIterations,
            Double median,
            String failureReason,
            UUID groupId) {}

    static MatrixView of(UUID id, List<MatrixRun> runs) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, BenchmarkRow> rows = new LinkedHashMap<>();
        List<String> runtimes = new ArrayList<>();
        long taken = 0;
        long total = 0;
        long done = 0;
        for (MatrixRun run : runs) {
            byStatus.merge(run.status(), 1, Integer::sum);
            if (!runtimes.contains(run.runtime())) {
                runtimes.add(run.runtime());
            }
            int iterations = run.iterations() == null ? 0 : run.iterations();
            boolean ended = !run.status().equals("QUEUED") && !run.status().equals("RUNNING");
            taken += run.taken();
            total += iterations;
            done += ended ? iterations : Math.min(run.taken(), iterations);
            rows.computeIfAbsent(
                            run.benchmark(),
                            slug -> new BenchmarkRow(
                                    slug,
                                    run.benchmarkName() == null ? slug : run.benchmarkName(),
                                    run.category(),
                                    new ArrayList<>()))
                    .runs()
                    .add(new Cell(
                            run.id(),
                            run.runtime(),
                            run.phpVersion(),
                            run.status(),
                            run.iterations(),
                            run.taken(),
                            run.median(),
                            run.failureReason(),
                            run.groupId()));
        }
        boolean finished = runs.stream()
                .noneMatch(r -> r.status().equals("QUEUED") || r.status().equals("RUNNING"));
        MatrixRun first = runs.getFirst();
        return new MatrixView(
                id,
                first.requestedAt(),
                first.requestedBy(),
                runs.size(),
                byStatus,
                new Samples(taken, total),
                total == 0 ? 100 : Math.round(1000.0 * done / total) / 10.0,
                finished,
                runtimes,
                List.copyOf(rows.values()));
    }
}
