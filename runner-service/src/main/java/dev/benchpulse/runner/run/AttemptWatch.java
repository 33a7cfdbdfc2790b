package dev.benchpulse.runner.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the attempts this instance executes. An attempt that makes headway but published nothing for the
 * heartbeat interval (a long sample, Kafka waited for) publishes a {@code BenchmarkHeartbeat}, so consumers see it
 * alive. One whose worker made no headway for longer than a sample may take (its timeout) stops beating; past the
 * stall timeout on top, its worker is hung: the attempt is abandoned (its PHP process killed, nothing more of it
 * published, its thread interrupted) and its request delivered again, to run as a new attempt while attempts
 * remain. A hung worker is so noticed within minutes, whatever the consumer's poll interval.
 */
final class AttemptWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AttemptWatch.class);

    private final RunWorkers workers;
    private final Duration heartbeat;
    private final Duration beatWhileQuiet;
    private final Duration hungAfter;
    private ScheduledExecutorService timer;

    /**
     * @param sampleTimeout the longest a healthy worker may go without headway: one sample
     * @param stallTimeout  how much longer before it counts as hung
     */
    AttemptWatch(RunWorkers workers, Duration heartbeat, Duration sampleTimeout, Duration stallTimeout) {
        this.workers = workers;
        this.heartbeat = heartbeat;
        this.beatWhileQuiet = sampleTimeout.plus(heartbeat);
        this.hungAfter = sampleTimeout.plus(stallTimeout);
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("attempt-watch").daemon().factory());
        long tick = Math.max(50, Math.min(1_000, heartbeat.toMillis() / 2));
        timer.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** One look at every attempt; never throws (a thrown exception would stop the schedule). */
    void check() {
        long now = System.nanoTime();
        for (InFlightRun run : workers.running()) {
            try {
                Duration quiet = run.quietFor(now);
                if (quiet.compareTo(hungAfter) > 0) {
                    log.error(
                            "Run {}: its worker made no headway for {} (limit: a sample's timeout plus the stall "
                                    + "timeout, {}); abandoning the attempt and delivering the request again",
                            run.runId(),
                            quiet,
                            hungAfter);
                    workers.lose(run);
                } else if (quiet.compareTo(beatWhileQuiet) < 0) {
                    run.heartbeat(heartbeat);
                }
            } catch (RuntimeException e) {
                log.warn("Run {}: watching its attempt failed: {}", run.runId(), e.toString());
            }
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
