package dev.benchpulse.notifier.hub;

import dev.benchpulse.notifier.metrics.NotifierMetrics;
import dev.benchpulse.notifier.relay.UpdatePublisher;
import dev.benchpulse.notifier.relay.UpdateRejectedException;
import dev.benchpulse.notifier.settings.NotifierProperties;
import dev.benchpulse.notifier.update.MercureUpdate;
import dev.benchpulse.support.outage.DependencyOutages;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.QueryStringEncoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes updates with the standard Mercure publish request: a form-encoded POST of {@code topic}, {@code id},
 * {@code data} and {@code private=on}, authorized by the publisher JWT. Each update is retried a bounded number of
 * times with exponential back-off and jitter; after that the error goes back to the relay, which keeps the update.
 * The {@code timestamp} of the data is the moment of the attempt that the hub took. A hub that does not take
 * updates is an outage of dependency {@code mercure-hub} ({@link DependencyOutages}: health DOWN, meters, a WARN line
 * per interval) until an update goes through again.
 * <p>
 * Requests go straight through Reactor Netty's {@link HttpClient}: a publish is one small POST whose answer only
 * matters by its status, and Spring's {@code WebClient} around it (exchange functions, body inserters, message
 * writers, response entity) is CPU spent on every publish for nothing the notifier needs (docs/performance.md).
 */
final class MercurePublisher implements UpdatePublisher {

    private static final Logger log = LoggerFactory.getLogger(MercurePublisher.class);
    private static final Set<Integer> WORTH_RETRYING = Set.of(401, 403, 404, 408, 429);
    /** The dependency's name in health and meters. */
    static final String HUB = "mercure-hub";

    private static final String WAITER = "hub publisher (updates kept and retried)";

    private final HttpClient http;
    private final PublisherTokens tokens;
    private final JsonMapper json;
    private final Scheduler scheduler;
    private final NotifierProperties.Publish settings;
    private final NotifierMetrics metrics;
    private final URI hub;
    private final DependencyOutages outages;

    MercurePublisher(
            HttpClient http,
            URI hub,
            PublisherTokens tokens,
            JsonMapper json,
            Scheduler scheduler,
            NotifierProperties.Publish settings,
            NotifierMetrics metrics,
            DependencyOutages outages) {
        this.http = http;
        this.hub = hub;
        this.tokens = tokens;
        this.json = json;
        this.scheduler = scheduler;
        this.settings = settings;
        this.metrics = metrics;
        this.outages = outages;
        outages.expect(HUB);
    }

    @Override
    public Mono<Instant> publish(MercureUpdate update) {
        return Mono.defer(() -> attempt(update))
                .retryWhen(Retry.backoff(settings.retries(), settings.minBackoff())
                        .maxBackoff(settings.maxBackoff())
                        .jitter(settings.jitter())
                        .scheduler(scheduler)
                        .filter(e -> !(e instanceof UpdateRejectedException))
                        .doBeforeRetry(signal -> metrics.retried()))
                .doOnNext(sentAt -> recovered())
                .doOnError(this::failed);
    }

    private Mono<Instant> attempt(MercureUpdate update) {
        Instant sentAt = Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        // percent-encoded: ASCII only
        byte[] form = form(update, sentAt).getBytes(StandardCharsets.US_ASCII);
        String authorization = "Bearer " + tokens.token();
        return http.post()
                .uri(hub)
                .send((request, body) -> {
                    request.header(HttpHeaderNames.AUTHORIZATION, authorization)
                            .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED)
                            .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(form.length));
                    return body.sendByteArray(Mono.just(form));
                })
                .responseSingle(
                        (response, body) -> answered(update, response.status().code(), body))
                .timeout(settings.connectTimeout().plus(settings.responseTimeout()))
                .doOnSuccess(r -> metrics.publishRequest(Duration.ofNanos(System.nanoTime() - start), true))
                .doOnError(e -> metrics.publishRequest(Duration.ofNanos(System.nanoTime() - start), false))
                .thenReturn(sentAt);
    }

    /** A 2xx took the update; a 4xx other than the ones worth retrying rejects it for good; anything else is retried. */
    private static Mono<Void> answered(MercureUpdate update, int status, ByteBufMono body) {
        if (status >= 200 && status < 300) {
            return body.then();
        }
        return body.asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(text -> {
            String answer = "update " + update.id() + " with " + status + (text.isBlank() ? "" : ": " + text.strip());
            return Mono.error(
                    status >= 400 && status < 500 && !WORTH_RETRYING.contains(status)
                            ? new UpdateRejectedException("The hub rejected " + answer)
                            : new HubErrorException("The hub answered " + answer));
        });
    }

    /**
     * The form, encoded by Netty's {@link QueryStringEncoder} (percent-encoding as {@code application/x-www-form-urlencoded}
     * decoders expect). Spring's form writer goes through {@code URLEncoder}, which runs a charset encoder for every
     * run of punctuation: with JSON data, the most expensive step of a publish.
     */
    private String form(MercureUpdate update, Instant sentAt) {
        QueryStringEncoder form = new QueryStringEncoder("");
        form.addParam("topic", update.topic());
        form.addParam("id", update.id());
        form.addParam("private", "on");
        form.addParam("data", json.writeValueAsString(update.data().sentAt(sentAt)));
        return form.toString().substring(1);
    }

    private void failed(Throwable error) {
        if (error instanceof UpdateRejectedException) {
            log.error("{}; the update is dropped", error.getMessage());
        } else {
            outages.failing(HUB, WAITER, error);
        }
    }

    private void recovered() {
        outages.restored(WAITER);
    }
}
