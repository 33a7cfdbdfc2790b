package dev.benchpulse.hub.dispatch;

import dev.benchpulse.hub.transport.Transport;
import dev.benchpulse.hub.update.Update;
import io.netty.buffer.ByteBuf;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The history a new subscriber is owed, matched against its selectors on threads of their own: neither a publish,
 * nor the dispatch to other subscribers, nor an event loop waits for it. The matching (and the reading of a log,
 * with the Kafka transport) goes as fast as the subscriber reads (a chunk per request), and stops when it leaves.
 */
@Component
class Replays implements DisposableBean {

    private final Transport transport;
    /** Replays may wait for a log (the Kafka transport reads old updates from the topic): elastic, but bounded. */
    private final Scheduler scheduler = Schedulers.newBoundedElastic(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), Integer.MAX_VALUE, "mercure-replay", 60, true);

    Replays(Transport transport) {
        this.transport = transport;
    }

    /** The frames of the kept updates it is owed before position {@code end} (its live updates' start) it accepts. */
    Flux<ByteBuf> of(Subscriber subscriber, long end) {
        return Flux.defer(() -> Flux.fromIterable(transport.replay(subscriber.from, end)))
                .filter(update -> subscriber.accepts(update, null))
                .map(Update::frameView)
                .subscribeOn(scheduler);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
