package dev.benchpulse.hub.dispatch;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Every open subscription, for the subscriptions API and the subscriber gauge, and the listeners told when one opens
 * or ends. Dispatch does not read it (each event loop keeps its own subscribers): adding and removing are lock-free
 * and never wait for a dispatch in progress.
 */
@Component
class SubscriberRegistry {

    private final Set<Subscriber> open = ConcurrentHashMap.newKeySet();
    private final List<SubscriberListener> listeners = new CopyOnWriteArrayList<>();

    SubscriberRegistry(HubMetrics metrics) {
        metrics.watch(open::size);
    }

    void add(Subscriber subscriber) {
        open.add(subscriber);
        listeners.forEach(listener -> listener.joined(subscriber));
    }

    /** Removes the subscriber once; listeners hear of it once too, however many times its stream reports its end. */
    void remove(Subscriber subscriber) {
        if (open.remove(subscriber)) {
            listeners.forEach(listener -> listener.left(subscriber));
        }
    }

    List<Subscriber> all() {
        return List.copyOf(open);
    }

    void addListener(SubscriberListener listener) {
        listeners.add(listener);
    }
}
