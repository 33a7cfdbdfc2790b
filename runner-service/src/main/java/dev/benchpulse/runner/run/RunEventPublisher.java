package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a run's lifecycle on {@code Topics.BENCHMARK_EVENTS}, keyed by run id, with the idempotent producer:
 * progress is sent without waiting (order is kept by the producer), and the terminal event is only reported
 * published once the broker acknowledged it and everything sent before it. The producer retries on its own while
 * the broker is away (up to its {@code delivery.timeout.ms}); meanwhile the attempt waits and says it is alive.
 */
class RunEventPublisher {

    /** The dependency's name in health and meters. */
    static final String KAFKA = "kafka";
    /** How often a worker waiting for the broker's acknowledgement says that it is alive. */
    private static final Duration WAIT_SLICE = Duration.ofSeconds(1);

    private final KafkaTemplate<String, SpecificRecord> template;

    RunEventPublisher(KafkaTemplate<String, SpecificRecord> template) {
        this.template = template;
    }

    /**
     * The events of one attempt of a run.
     *
     * @param abandoned true once the attempt was given up: nothing more of it is sent
     * @param alive     told each time the attempt makes headway (an event sent, the broker waited for)
     */
    Attempt attempt(UUID runId, BooleanSupplier abandoned, Runnable alive) {
        return new Attempt(runId.toString(), abandoned, alive);
    }

    /**
     * The events of one attempt. Its worker and the heartbeats publish through it; an event is built and sent under
     * one lock, so sequence numbers reach the topic in order.
     */
    final class Attempt {

        private final String key;
        private final BooleanSupplier abandoned;
        private final Runnable alive;
        private final ReentrantLock lock = new ReentrantLock();
        private final List<CompletableFuture<?>> pending = new ArrayList<>();
        private volatile long lastEventNanos = System.nanoTime();
        private volatile boolean terminalSent;
        private volatile boolean ended;

        private Attempt(String key, BooleanSupplier abandoned, Runnable alive) {
            this.key = key;
            this.abandoned = abandoned;
            this.alive = alive;
        }

        /** Builds and sends the next event of the attempt, without waiting; nothing once it is abandoned. */
        <E extends SpecificRecord> E publish(Supplier<E> event) {
            lock.lock();
            try {
                return send(event);
            } finally {
                lock.unlock();
                alive.run();
            }
        }

        /**
         * Sends a heartbeat when the attempt sent nothing for {@code quiet}; skips it when the worker is sending
         * right now (which says as much). Never blocks on the worker.
         */
        void heartbeatIfQuiet(Duration quiet, Supplier<? extends SpecificRecord> heartbeat) {
            if (terminalSent || System.nanoTime() - lastEventNanos < quiet.toNanos() || !lock.tryLock()) {
                return;
            }
            try {
                if (!terminalSent) {
                    send(heartbeat);
                }
            } finally {
                lock.unlock();
            }
        }

        /**
         * Waits until the broker has acknowledged every event sent so far, then publishes the last event and waits
         * for it too, for as long as the producer keeps trying: an attempt with an event missing never gets a
         * terminal event.
         *
         * @throws PublishingFailed when an event of the attempt was not delivered, or the attempt was abandoned
         */
        <E extends SpecificRecord> E publishTerminal(Supplier<E> event) {
            await(sentSoFar());
            E sent;
            lock.lock();
            try {
                sent = send(event);
                terminalSent = sent != null; // no heartbeat follows the attempt's end
            } finally {
                lock.unlock();
                alive.run();
            }
            await(sentSoFar());
            ended = sent != null;
            return sent;
        }

        /** Whether the attempt's terminal event is acknowledged: its run is over, whatever happens to the others. */
        boolean ended() {
            return ended;
        }

        private CompletableFuture<Void> sentSoFar() {
            lock.lock();
            try {
                return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
            } finally {
                lock.unlock();
            }
        }

        boolean isAbandoned() {
            return abandoned.getAsBoolean();
        }

        /** Builds and sends an event; null, and nothing sent, once the attempt is abandoned or nothing is built. */
        private <E extends SpecificRecord> E send(Supplier<E> event) {
            if (abandoned.getAsBoolean()) {
                return null;
            }
            E built = event.get();
            if (built == null) {
                return null;
            }
            try {
                pending.add(template.send(Topics.BENCHMARK_EVENTS.name(), key, built));
            } catch (RuntimeException e) { // the producer could not even take it (no metadata within max.block.ms)
                pending.add(CompletableFuture.failedFuture(e));
            }
            lastEventNanos = System.nanoTime();
            return built;
        }

        private void await(CompletableFuture<Void> all) {
            while (true) {
                if (abandoned.getAsBoolean()) {
                    throw new PublishingFailed(
                            "Run " + key + " was abandoned before its events were acknowledged", null);
                }
                try {
                    all.get(WAIT_SLICE.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    alive.run(); // the producer is still trying: waiting for the broker is headway
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PublishingFailed("Interrupted while publishing the events of run " + key, e);
                } catch (ExecutionException e) {
                    throw new PublishingFailed(
                            "Could not publish the events of run " + key + " to " + Topics.BENCHMARK_EVENTS.name()
                                    + ": " + e.getCause(),
                            e.getCause());
                }
            }
        }
    }

    /**
     * An event of the attempt was not delivered (or the attempt was abandoned while it waited): the attempt cannot
     * be trusted to be whole, so the run is taken again as a new attempt, never acknowledged as it is.
     */
    static final class PublishingFailed extends RuntimeException {
        PublishingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
