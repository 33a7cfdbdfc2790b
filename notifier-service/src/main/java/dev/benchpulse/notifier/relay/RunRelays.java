package dev.benchpulse.notifier.relay;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.notifier.update.RunState;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The relays of the runs in progress. A run's relay exists from its first event until its terminal update was
 * delivered, or until it was idle for the idle timeout with nothing pending (so a lost terminal event cannot keep
 * its state forever).
 */
public final class RunRelays implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunRelays.class);

    private final Map<UUID, RunRelay> relays = new ConcurrentHashMap<>();
    private final RelaySettings settings;
    private final Disposable sweeper;

    public RunRelays(RelaySettings settings) {
        this.settings = settings;
        long period = Math.max(1, Math.min(settings.idleTimeout().toMillis() / 2, 60_000));
        this.sweeper = settings.scheduler().schedulePeriodically(this::sweep, period, period, TimeUnit.MILLISECONDS);
        settings.metrics().activeRuns(relays::size);
    }

    /** Relays a lifecycle event to its run's relay; records of other types are settled at once. */
    public void accept(SpecificRecord event, Delivery delivery) {
        if (!RunState.isLifecycleEvent(event)) {
            log.debug(
                    "Ignoring {}: not a run lifecycle event", event.getSchema().getFullName());
            delivery.settled();
            return;
        }
        UUID runId = Events.runId(event);
        while (true) {
            RunRelay relay = relays.computeIfAbsent(runId, id -> new RunRelay(settings, r -> relays.remove(id, r)));
            if (relay.offer(event, delivery)) {
                return;
            }
            relays.remove(runId, relay);
        }
    }

    /** Runs the notifier holds state for. */
    public int activeRuns() {
        return relays.size();
    }

    void sweep() {
        long now = settings.now();
        relays.values().removeIf(relay -> relay.closeIfIdle(now));
    }

    /** Stops every relay, cancelling publishes in flight and timers, before the scheduler and HTTP pool go. */
    @Override
    public void close() {
        sweeper.dispose();
        relays.values().forEach(RunRelay::close);
    }
}
