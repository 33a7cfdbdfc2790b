package dev.benchpulse.runner.run;

import java.time.Duration;

import org.slf4j.Logger;

/**
 * Tells the log that Kafka is away for one of this instance's loops, without flooding it: a WARN when the outage
 * begins, one a minute while it lasts, an INFO when it ends.
 */
final class KafkaOutageLog {

    private static final Duration REPEAT = Duration.ofMinutes(1);

    private final Logger log;
    private final String what;
    private long since;
    private long lastWarning;
    private boolean failing;

    KafkaOutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    synchronized void failing(Exception e) {
        long now = System.nanoTime();
        if (!failing) {
            failing = true;
            since = now;
            lastWarning = now;
            log.warn("Kafka is unavailable for {} ({}); waiting for it, nothing is skipped", what, e.toString());
        } else if (now - lastWarning >= REPEAT.toNanos()) {
            lastWarning = now;
            log.warn("Kafka has been unavailable for {} for {} s ({}); still waiting", what,
                    Duration.ofNanos(now - since).toSeconds(), e.toString());
        }
    }

    synchronized void ended() {
        if (failing) {
            failing = false;
            log.info("Kafka is back for {} after {} s", what, Duration.ofNanos(System.nanoTime() - since).toSeconds());
        }
    }
}
