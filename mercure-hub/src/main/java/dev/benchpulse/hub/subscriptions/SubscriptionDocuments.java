package dev.benchpulse.hub.subscriptions;

import dev.benchpulse.hub.dispatch.Subscriber;
import dev.benchpulse.hub.topic.TopicSelector;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriUtils;

/**
 * The JSON-LD description of one subscription (one topic selector of one subscriber), shared by the subscription
 * events and the subscriptions API. Its id — also the topic of its events — is
 * {@code /.well-known/mercure/subscriptions/{topic}/{subscriber}} with both variables percent-encoded.
 */
final class SubscriptionDocuments {

    static final String CONTEXT = "https://mercure.rocks/";
    static final String BASE = "/.well-known/mercure/subscriptions";

    private SubscriptionDocuments() {}

    static String id(String topic, String subscriber) {
        return collectionId(topic) + "/" + encode(subscriber);
    }

    static String collectionId(String topic) {
        return BASE + "/" + encode(topic);
    }

    static Map<String, Object> describe(Subscriber subscriber, TopicSelector selector, boolean active) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", id(selector.value(), subscriber.id()));
        document.put("type", "Subscription");
        document.put("topic", selector.value());
        document.put("subscriber", subscriber.id());
        document.put("active", active);
        if (subscriber.payload() != null) {
            document.put("payload", subscriber.payload());
        }
        return document;
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
