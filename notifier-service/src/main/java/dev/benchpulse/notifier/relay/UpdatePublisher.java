package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.update.MercureUpdate;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Sends one update to the hub, with bounded retries; emits when the update was sent, or fails. */
public interface UpdatePublisher {

    Mono<Instant> publish(MercureUpdate update);
}
