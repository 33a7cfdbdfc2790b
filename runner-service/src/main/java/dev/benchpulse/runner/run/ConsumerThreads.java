package dev.benchpulse.runner.run;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/** Stopping a hand-written consumer loop: wake its poll up, then wait for its thread to leave. */
final class ConsumerThreads {

    private ConsumerThreads() {}

    /** Wakes {@code consumer} (if any) and waits up to {@code wait} for {@code thread} (if any) to end. */
    static void wakeAndJoin(Consumer<?, ?> consumer, Thread thread, Duration wait) {
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
