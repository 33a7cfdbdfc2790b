package dev.benchpulse.notifier.relay;

/**
 * Paces one run's progress updates so that no window of one second holds more than the configured maximum, counting
 * the one progress update that may be sent early, right before a terminal update (the 100% one). That slot is kept
 * free by pacing regular progress at {@code 1 s / (max − 1)}: any second then holds at most {@code max − 1} paced
 * updates plus the early one.
 */
final class ProgressThrottle {

    private final long intervalMillis;
    private long lastSentMillis = Long.MIN_VALUE;

    ProgressThrottle(int maxPerSecond) {
        if (maxPerSecond < 2) {
            throw new IllegalArgumentException("maxPerSecond must be at least 2, was " + maxPerSecond);
        }
        this.intervalMillis = (long) Math.ceil(1000.0 / (maxPerSecond - 1));
    }

    /** Milliseconds until a progress update may be sent, 0 when it may go now. */
    long delay(long nowMillis) {
        if (lastSentMillis == Long.MIN_VALUE) {
            return 0;
        }
        return Math.max(0, lastSentMillis + intervalMillis - nowMillis);
    }

    void sent(long sentMillis) {
        lastSentMillis = Math.max(lastSentMillis, sentMillis);
    }

    long intervalMillis() {
        return intervalMillis;
    }
}
