package dev.benchpulse.hub.subscriptions;

import dev.benchpulse.hub.auth.Authorizer;
import dev.benchpulse.hub.auth.Claims;
import dev.benchpulse.hub.dispatch.Hub;
import dev.benchpulse.hub.dispatch.Subscriber;
import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.settings.HubProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subscriptions API (JSON-LD): every active subscription, those of one topic selector, or one subscription.
 * A client needs a subscriber JWT whose {@code mercure.subscribe} claim matches the URL it requests.
 */
@RestController
class SubscriptionsController {

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final Hub hub;
    private final Authorizer authorizer;
    private final boolean enabled;

    SubscriptionsController(Hub hub, Authorizer authorizer, HubProperties properties) {
        this.hub = hub;
        this.authorizer = authorizer;
        this.enabled = properties.subscriptions();
    }

    @GetMapping(SubscriptionDocuments.BASE)
    ResponseEntity<Map<String, Object>> all(ServerHttpRequest request) {
        authorize(request);
        return collection(SubscriptionDocuments.BASE, selector -> true);
    }

    @GetMapping(SubscriptionDocuments.BASE + "/{topic}")
    ResponseEntity<Map<String, Object>> ofTopic(@PathVariable String topic, ServerHttpRequest request) {
        authorize(request);
        return collection(SubscriptionDocuments.collectionId(topic), topic::equals);
    }

    @GetMapping(SubscriptionDocuments.BASE + "/{topic}/{subscriber}")
    ResponseEntity<Map<String, Object>> one(
            @PathVariable String topic, @PathVariable String subscriber, ServerHttpRequest request) {
        authorize(request);
        String lastEventId = hub.lastEventId();
        Map<String, Object> document = hub.subscribers().stream()
                .filter(s -> s.id().equals(subscriber))
                .flatMap(s -> s.selectors().stream()
                        .filter(selector -> selector.value().equals(topic))
                        .map(selector -> SubscriptionDocuments.describe(s, selector, true)))
                .findFirst()
                .orElseThrow(() -> HubException.notFound("No active subscription of " + subscriber + " to " + topic
                        + ": list them at " + SubscriptionDocuments.BASE + "."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@context", SubscriptionDocuments.CONTEXT);
        body.putAll(document);
        body.put("lastEventID", lastEventId);
        return ResponseEntity.ok().contentType(JSON_LD).body(body);
    }

    private ResponseEntity<Map<String, Object>> collection(String id, Predicate<String> topics) {
        String lastEventId = hub.lastEventId();
        List<Map<String, Object>> subscriptions = hub.subscribers().stream()
                .flatMap((Subscriber s) -> s.selectors().stream()
                        .filter(selector -> topics.test(selector.value()))
                        .map(selector -> SubscriptionDocuments.describe(s, selector, true)))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@context", SubscriptionDocuments.CONTEXT);
        body.put("id", id);
        body.put("type", "Subscriptions");
        body.put("lastEventID", lastEventId);
        body.put("subscriptions", subscriptions);
        return ResponseEntity.ok().contentType(JSON_LD).body(body);
    }

    private void authorize(ServerHttpRequest request) {
        if (!enabled) {
            throw HubException.notFound("The subscriptions API is disabled: start the hub with "
                    + "MERCURE_SUBSCRIPTIONS=true to enable it.");
        }
        Claims claims = authorizer.subscriptionsReader(request);
        String url = request.getPath().value();
        if (claims.subscribe() == null || claims.subscribe().stream().noneMatch(s -> s.matches(url))) {
            throw HubException.forbidden("The subscriber JWT does not allow reading " + url + ": its "
                    + "mercure.subscribe claim needs a selector matching it, e.g. "
                    + "/.well-known/mercure/subscriptions{/topic}{/subscriber}.");
        }
    }
}
