package dev.benchpulse.runner.run;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.INTERNAL;
import static dev.benchpulse.contracts.avro.FailureReason.TIMEOUT;

import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.avro.Sample;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.support.observability.RunScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the samples of one run, or of a group of runs in turns: each run in blocks of {@code blockSize} samples
 * (A A B B A A B B … for a block of two), so that runs compared with each other see the same machine at the same
 * time. Every run keeps its own events: {@code BenchmarkStarted}, a {@code BenchmarkProgress} per sample and
 * {@code BenchmarkCompleted} once all its samples are taken, or {@code BenchmarkFailed} as soon as one of its samples
 * fails or it is cancelled (terminal events wait for the broker's acknowledgement); a failed run leaves the rotation
 * and the others go on. A single run is a group of one. Once this instance gives a run up (abandoned), nothing more
 * of the group is published.
 */
class SampleLoop {

    private static final Logger log = LoggerFactory.getLogger(SampleLoop.class);

    /** How a run ended. */
    sealed interface Ending {
        /** Every sample taken; {@code BenchmarkCompleted} published. */
        record Completed() implements Ending {}

        /**
         * A sample failed, the run was cancelled or took too long; its {@code BenchmarkFailed} is published.
         *
         * @param event the terminal event
         */
        record Failed(BenchmarkFailed event) implements Ending {}

        /** This runner gave the run up (shutting down, request moved, worker hung): nothing more is published. */
        record Abandoned() implements Ending {}
    }

    /**
     * One run of the loop.
     *
     * @param request    its request
     * @param definition the benchmark as the catalog defines it (the request's overrides apply)
     * @param runtime    the runtime
     * @param events     builds its events
     * @param published  publishes them
     * @param tracked    its cancellation, and whether this instance gave it up
     */
    record Member(
            RunRequested request,
            Benchmark definition,
            PhpRuntime runtime,
            AttemptEvents events,
            RunEventPublisher.Attempt published,
            CancelledRuns.Tracked tracked) {

        Benchmark benchmark() {
            return definition.withIterations(
                    Optional.ofNullable(request.getWarmupIterations()).orElse(definition.warmupIterations()),
                    Optional.ofNullable(request.getInnerIterations()).orElse(definition.innerIterations()));
        }
    }

    private final SampleExecutor executor;
    private final CancelledRuns cancelledRuns;
    private final String instanceId;
    private final Duration maxRunDuration;

    SampleLoop(SampleExecutor executor, CancelledRuns cancelledRuns, String instanceId, Duration maxRunDuration) {
        this.executor = executor;
        this.cancelledRuns = cancelledRuns;
        this.instanceId = instanceId;
        this.maxRunDuration = maxRunDuration;
    }

    /** The runs of a group in turns, {@code blockSize} samples each; their endings in the members' order. */
    List<Ending> run(List<Member> members, int blockSize) {
        long start = System.nanoTime();
        Ending[] endings = new Ending[members.size()];
        int[] taken = new int[members.size()];
        List<Benchmark> benchmarks = members.stream().map(Member::benchmark).toList();
        for (int m = 0; m < members.size(); m++) {
            Member member = members.get(m);
            Benchmark benchmark = benchmarks.get(m);
            member.published()
                    .publish(() -> member.events()
                            .started(
                                    member.request().getIterations(),
                                    benchmark.warmupIterations(),
                                    benchmark.innerIterations(),
                                    instanceId));
        }
        while (Arrays.stream(endings).anyMatch(e -> e == null)) {
            for (int m = 0; m < members.size(); m++) {
                if (endings[m] != null) {
                    continue;
                }
                endings[m] = guarded(members.get(m), benchmarks.get(m), taken, m, blockSize, start);
                if (endings[m] instanceof Ending.Abandoned) {
                    return abandonRest(endings);
                }
            }
        }
        return List.of(endings);
    }

    /**
     * A block whose unexpected error (a bug of the runner's) fails its run only, never the group's others. Its logs
     * name its own run, not the leader's whose request this runner is working on.
     */
    private Ending guarded(Member member, Benchmark benchmark, int[] taken, int m, int blockSize, long start) {
        try (RunScope run = RunScope.logs(member.request().getRunId())) {
            return block(member, benchmark, taken, m, blockSize, start);
        } catch (RunEventPublisher.PublishingFailed e) {
            throw e;
        } catch (RuntimeException e) {
            if (member.tracked().isAbandoned()) {
                return new Ending.Abandoned();
            }
            log.error("Run {} failed inside the runner", member.request().getRunId(), e);
            int reached = taken[m];
            return failed(
                    member,
                    () -> member.events()
                            .failed(reached, INTERNAL, "Unexpected error in the runner: " + e, null, null));
        }
    }

    /** Up to {@code blockSize} samples of one member; its ending when it ended, else null. */
    private Ending block(Member member, Benchmark benchmark, int[] taken, int m, int blockSize, long start) {
        int total = member.request().getIterations();
        for (int s = 0; s < blockSize && taken[m] < total; s++) {
            int i = taken[m] + 1;
            if (System.nanoTime() - start > maxRunDuration.toNanos()) {
                return failed(
                        member,
                        () -> member.events()
                                .failed(
                                        i - 1,
                                        TIMEOUT,
                                        "The run took longer than " + maxRunDuration
                                                + " (benchpulse.runner.worker.max-run-duration); take fewer or shorter samples",
                                        null,
                                        null));
            }
            SampleOutcome outcome =
                    executor.run(member.runtime(), benchmark, member.tracked().cancellation());
            if (member.tracked().isAbandoned()) {
                return new Ending.Abandoned();
            }
            if (outcome instanceof SampleOutcome.Failed failed) {
                String message = message(member.request(), failed, i, total);
                return failed(
                        member,
                        () -> member.events().failed(i - 1, failed.reason(), message, failed.section(), failed.line()));
            }
            SampleOutcome.Measured measured = (SampleOutcome.Measured) outcome;
            member.published()
                    .publish(() -> member.events()
                            .progress(
                                    i,
                                    total,
                                    new Sample(
                                            measured.nanosPerOperation(),
                                            measured.report().memoryUsedBytes(),
                                            measured.report().peakMemoryBytes())));
            taken[m] = i;
        }
        if (taken[m] < total) {
            return null;
        }
        long wallTime = Duration.ofNanos(System.nanoTime() - start).toMillis();
        member.published().publishTerminal(() -> member.events().completed(total, wallTime));
        return new Ending.Completed();
    }

    /**
     * Publishes a run's failure at once (the other runs of its group go on) and ends it; its sequence number is taken
     * when it is sent.
     */
    private static Ending failed(Member member, Supplier<BenchmarkFailed> event) {
        return new Ending.Failed(member.published().publishTerminal(event));
    }

    private static List<Ending> abandonRest(Ending[] endings) {
        List<Ending> all = new ArrayList<>();
        for (Ending ending : endings) {
            all.add(ending == null ? new Ending.Abandoned() : ending);
        }
        return all;
    }

    private String message(RunRequested request, SampleOutcome.Failed failed, int iteration, int total) {
        if (failed.reason() == CANCELLED) {
            return "Cancelled by "
                    + cancelledRuns.cancelledBy(request.getRunId()).orElse("someone") + " during sample " + iteration
                    + " of " + total + "; its PHP process was killed";
        }
        return failed.message();
    }
}
