package dev.benchpulse.hub.publish;

import dev.benchpulse.hub.auth.Authorizer;
import dev.benchpulse.hub.auth.Claims;
import dev.benchpulse.hub.dispatch.Hub;
import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.update.Update;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /.well-known/mercure}: a publisher sends an update as a form ({@code topic} once or more, {@code data},
 * {@code private}, {@code id}, {@code type}, {@code retry}); the hub answers {@code 200 text/plain} with the update's
 * id, which it generates ({@code urn:uuid:…}) when none is given, once the update is stored (with the Kafka
 * transport: written to the topic); {@code 503} when it could not be.
 */
@RestController
class PublishController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublishController.class);

    private final Hub hub;
    private final Authorizer authorizer;

    PublishController(Hub hub, Authorizer authorizer) {
        this.hub = hub;
        this.authorizer = authorizer;
    }

    @PostMapping("/.well-known/mercure")
    Mono<ResponseEntity<String>> publish(ServerWebExchange exchange) {
        Claims claims = authorizer.publisher(exchange.getRequest());
        MediaType contentType = exchange.getRequest().getHeaders().getContentType();
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
            throw new HubException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Updates are published as a form: send "
                            + "Content-Type: application/x-www-form-urlencoded with topic, data, private, id, type and retry.");
        }
        return exchange.getFormData().flatMap(form -> {
            Update update = update(form);
            if (!claims.mayPublishTo(update.topics())) {
                throw HubException.forbidden("The publisher JWT does not allow publishing to " + update.topics()
                        + ": its mercure.publish claim must list a selector matching every topic.");
            }
            return hub.publish(update)
                    .onErrorMap(e -> !(e instanceof HubException), PublishController::notStored)
                    .thenReturn(ResponseEntity.ok()
                            .contentType(MediaType.TEXT_PLAIN)
                            .body(update.id()));
        });
    }

    /** The transport could not store the update (Kafka unreachable): nothing was accepted, the publisher retries. */
    private static HubException notStored(Throwable cause) {
        LOG.warn("An update could not be stored: {}", cause.toString());
        return new HubException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The hub could not store the update ("
                        + cause.getClass().getSimpleName()
                        + "): it was not accepted. Publish it again with the same id in a "
                        + "moment; an id already stored is not sent to subscribers twice.");
    }

    private static Update update(MultiValueMap<String, String> form) {
        List<String> topics = form.getOrDefault("topic", List.of());
        if (topics.isEmpty()) {
            throw HubException.badRequest("Missing topic: add at least one topic field (the first is the canonical "
                    + "topic, the others alternates).");
        }
        String id = line(form.getFirst("id"), "id");
        if (id != null && id.startsWith("#")) {
            throw HubException.badRequest("The id '" + id + "' starts with '#', which the protocol reserves for the "
                    + "hub: choose another id, or leave it out to let the hub generate one.");
        }
        return new Update(
                id == null || id.isBlank() ? "urn:uuid:" + UUID.randomUUID() : id,
                topics,
                form.getFirst("data"),
                form.containsKey("private"),
                blankToNull(line(form.getFirst("type"), "type")),
                retry(form.getFirst("retry")));
    }

    /** SSE fields end at a line break, so ids and types must not contain one. */
    private static String line(String value, String field) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw HubException.badRequest("The " + field + " must not contain line breaks.");
        }
        return value;
    }

    private static Long retry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{1,18}")) {
            throw HubException.badRequest("The retry '" + value + "' is not a number: give the reconnection time in "
                    + "milliseconds, e.g. retry=5000.");
        }
        return Long.parseLong(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
