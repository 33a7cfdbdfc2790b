package dev.benchpulse.hub.load;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Publishes updates over HTTP at a fixed rate. Each update's data is the {@link System#nanoTime()} at which it was
 * due (not when it was actually sent), so a hub or publisher that falls behind shows up as latency instead of hiding
 * it (no coordinated omission).
 */
final class RatePublisher {

    private final HttpClient client;
    private final String url;
    private final String token;
    private final String topicField;
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private final java.util.Queue<Long> due = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger idle;

    RatePublisher(String url, String token, String topic, int connections) {
        ConnectionProvider pool = ConnectionProvider.builder("publisher")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(5))
                .build();
        this.idle = new java.util.concurrent.atomic.AtomicInteger(connections);
        this.client = HttpClient.create(pool)
                .runOn(LoopResources.create("publisher", 1, 2, true))
                .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token));
        this.url = url;
        this.token = token;
        this.topicField = "topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
    }

    /**
     * Queues one update due at {@code dueNanos}. At most one request per connection is in flight: each connection
     * sends the next queued update as soon as its previous one is answered (queueing in the pool instead would make
     * the client, not the hub, the bottleneck).
     */
    void publish(long dueNanos) {
        due.add(dueNanos);
        wake();
    }

    private void wake() {
        while (!due.isEmpty()) {
            int free = idle.get();
            if (free == 0) {
                return;
            }
            if (idle.compareAndSet(free, free - 1)) {
                next();
                return;
            }
        }
    }

    private void next() {
        Long dueNanos = due.poll();
        if (dueNanos == null) {
            idle.incrementAndGet();
            wake();
            return;
        }
        client.post()
                .uri(url)
                .send(ByteBufFlux.fromString(Mono.just(topicField + "&data=" + dueNanos)))
                .responseSingle((response, body) ->
                        body.then(Mono.just(response.status().code())))
                .subscribe(
                        status -> {
                            (status == 200 ? accepted : refused).incrementAndGet();
                            next();
                        },
                        error -> {
                            if (failed.getAndIncrement() == 0) {
                                System.err.println("publishing failed: " + error);
                            }
                            next();
                        });
    }

    /** Publishes {@code rate} updates per second for {@code duration}; returns how many were sent. */
    long run(int rate, Duration duration) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            long due = (now - start) * rate / 1_000_000_000L;
            for (; sent < due; sent++) {
                publish(start + sent * 1_000_000_000L / rate);
            }
            LockSupport.parkNanos(100_000);
        }
        return sent;
    }

    /** Waits until every update sent has been answered. */
    void drain(long sent, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.get() + refused.get() + failed.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    String token() {
        return token;
    }
}
