package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.update.MercureUpdate;
import dev.benchpulse.notifier.update.UpdateType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A hub in virtual time for relay tests: takes each update after a short latency, or fails every publish while it is
 * down (as the real publisher does once its retries are spent), or rejects chosen updates for good.
 */
final class FakeHub implements UpdatePublisher {

    record Received(MercureUpdate update, long sentAtMillis) {

        UpdateType type() {
            return update.type();
        }
    }

    private final Scheduler scheduler;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger maxInFlightPerRun = new AtomicInteger();
    private final AtomicInteger progressInFlight = new AtomicInteger();
    private final AtomicInteger maxProgressInFlight = new AtomicInteger();
    private volatile boolean down;
    private volatile Duration failAfter = Duration.ofMillis(2);
    private volatile Predicate<MercureUpdate> rejects = update -> false;

    FakeHub(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Mono<Instant> publish(MercureUpdate update) {
        return Mono.defer(() -> {
            if (down) {
                // as the real publisher: the error comes once the bounded retries are spent
                return Mono.delay(failAfter, scheduler).then(Mono.error(new IOException("Connection refused")));
            }
            if (rejects.test(update)) {
                return Mono.error(new UpdateRejectedException("400 Bad Request", null));
            }
            long sentAt = scheduler.now(TimeUnit.MILLISECONDS);
            AtomicInteger running = inFlight.computeIfAbsent(update.topic(), t -> new AtomicInteger());
            maxInFlightPerRun.accumulateAndGet(running.incrementAndGet(), Math::max);
            boolean progress = update.type() == UpdateType.PROGRESS;
            if (progress) {
                maxProgressInFlight.accumulateAndGet(progressInFlight.incrementAndGet(), Math::max);
            }
            return Mono.delay(Duration.ofMillis(2), scheduler).map(tick -> {
                running.decrementAndGet();
                if (progress) {
                    progressInFlight.decrementAndGet();
                }
                received.add(new Received(update, sentAt));
                return Instant.ofEpochMilli(sentAt);
            });
        });
    }

    void down() {
        down = true;
    }

    /** Goes down, and takes this long to fail each publish. */
    void down(Duration failAfter) {
        this.failAfter = failAfter;
        down = true;
    }

    void up() {
        down = false;
    }

    void rejectWhen(Predicate<MercureUpdate> condition) {
        rejects = condition;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedOn(String topic) {
        return received.stream().filter(r -> r.update().topic().equals(topic)).toList();
    }

    int maxInFlightPerRun() {
        return maxInFlightPerRun.get();
    }

    /** Most progress updates of all runs in flight at once. */
    int maxProgressInFlight() {
        return maxProgressInFlight.get();
    }
}
