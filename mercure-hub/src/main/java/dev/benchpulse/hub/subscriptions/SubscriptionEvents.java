package dev.benchpulse.hub.subscriptions;

import dev.benchpulse.hub.dispatch.Hub;
import dev.benchpulse.hub.dispatch.Subscriber;
import dev.benchpulse.hub.dispatch.SubscriberListener;
import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.topic.TopicSelector;
import dev.benchpulse.hub.update.Update;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * When active subscriptions are enabled, publishes a private update each time a subscription opens
 * ({@code "active": true}) or ends ({@code "active": false}), one per topic selector, on the subscription's own topic.
 */
@Component
class SubscriptionEvents implements SubscriberListener {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubscriptionEvents.class);

    private final Hub hub;
    private final JsonMapper json;

    SubscriptionEvents(Hub hub, JsonMapper json, HubProperties properties) {
        this.hub = hub;
        this.json = json;
        if (properties.subscriptions()) {
            hub.addListener(this);
        }
    }

    @Override
    public void joined(Subscriber subscriber) {
        announce(subscriber, true);
    }

    @Override
    public void left(Subscriber subscriber) {
        announce(subscriber, false);
    }

    private void announce(Subscriber subscriber, boolean active) {
        for (TopicSelector selector : subscriber.selectors()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("@context", SubscriptionDocuments.CONTEXT);
            document.putAll(SubscriptionDocuments.describe(subscriber, selector, active));
            hub.publish(new Update(
                            "urn:uuid:" + UUID.randomUUID(),
                            List.of((String) document.get("id")),
                            json.writeValueAsString(document),
                            true,
                            null,
                            null))
                    .subscribe(stored -> {}, e -> LOG.warn("A subscription event was not published: {}", e.toString()));
        }
    }
}
