package dev.benchpulse.hub.subscribe;

import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.settings.HubProperties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Counts the open subscriptions of each client address and refuses one more past the configured bound, so that one
 * client cannot take every connection the hub can hold. Addresses without an open subscription are forgotten.
 */
@Component
class SubscriptionQuota {

    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final int perAddress;

    SubscriptionQuota(HubProperties properties) {
        this.perAddress = properties.limits().subscriptionsPerAddress();
    }

    /**
     * Takes a place for the address; 400 when it holds the most subscriptions allowed already.
     *
     * @return gives the place back; running it again does nothing
     */
    Runnable take(String address) {
        if (perAddress <= 0) {
            return () -> {};
        }
        boolean[] full = new boolean[1];
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            full[0] = current >= perAddress;
            return full[0] ? current : current + 1;
        });
        if (full[0]) {
            throw HubException.badRequest("Too many open subscriptions from " + address + ": this hub allows "
                    + perAddress + " per client address (MERCURE_LIMITS_SUBSCRIPTIONS_PER_ADDRESS). Close one, or "
                    + "select several topics in one subscription with several topic parameters or a URI template.");
        }
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            }
        };
    }
}
