package dev.benchpulse.hub.auth;

import dev.benchpulse.hub.topic.TopicSelector;
import java.time.Instant;
import java.util.List;

/**
 * What a verified token allows: the {@code mercure.publish} and {@code mercure.subscribe} selectors ({@code null} when
 * the claim is absent), the {@code mercure.payload} to attach to subscriptions, and when the token expires.
 */
public record Claims(List<TopicSelector> publish, List<TopicSelector> subscribe, Object payload, Instant expiresAt) {

    public boolean mayPublishTo(List<String> topics) {
        return publish != null && topics.stream().allMatch(t -> publish.stream().anyMatch(s -> s.matches(t)));
    }

    /** Whether one of the topics (canonical or alternate) is covered by {@code mercure.subscribe}. */
    public boolean maySubscribeToAny(List<String> topics) {
        if (subscribe == null) {
            return false;
        }
        for (TopicSelector selector : subscribe) {
            if (selector.matchesAny(topics)) {
                return true;
            }
        }
        return false;
    }
}
