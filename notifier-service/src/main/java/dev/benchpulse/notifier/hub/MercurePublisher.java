package dev.benchpulse.notifier.hub;

import dev.benchpulse.notifier.relay.UpdatePublisher;
import dev.benchpulse.notifier.relay.UpdateRejectedException;
import dev.benchpulse.notifier.system.NotifierMetrics;
import dev.benchpulse.notifier.system.NotifierProperties;
import dev.benchpulse.notifier.update.MercureUpdate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.handler.codec.http.QueryStringEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes updates with the standard Mercure publish request: a form-encoded POST of {@code topic}, {@code id},
 * {@code data} and {@code private=on}, authorized by the publisher JWT. Each update is retried a bounded number of
 * times with exponential back-off and jitter; after that the error goes back to the relay, which keeps the update.
 * The {@code timestamp} of the data is the moment of the attempt that the hub took.
 */
final class MercurePublisher implements UpdatePublisher {

    private static final Logger log = LoggerFactory.getLogger(MercurePublisher.class);
    private static final Set<Integer> WORTH_RETRYING = Set.of(401, 403, 404, 408, 429);

    private final WebClient client;
    private final PublisherTokens tokens;
    private final JsonMapper json;
    private final Scheduler scheduler;
    private final NotifierProperties.Publish settings;
    private final NotifierMetrics metrics;
    private final URI hub;
    private final AtomicBoolean hubFailing = new AtomicBoolean();

    MercurePublisher(WebClient client, URI hub, PublisherTokens tokens, JsonMapper json, Scheduler scheduler,
            NotifierProperties.Publish settings, NotifierMetrics metrics) {
        this.client = client;
        this.hub = hub;
        this.tokens = tokens;
        this.json = json;
        this.scheduler = scheduler;
        this.settings = settings;
        this.metrics = metrics;
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
        return client.post()
                .uri(hub)
                .headers(headers -> headers.setBearerAuth(tokens.token()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form(update, sentAt))
                .retrieve()
                .onStatus(MercurePublisher::hopeless, response -> response.createException()
                        .map(e -> new UpdateRejectedException("The hub rejected update " + update.id() + " with "
                                + response.statusCode() + ": " + e.getResponseBodyAsString(), e)))
                .toBodilessEntity()
                .timeout(settings.connectTimeout().plus(settings.responseTimeout()))
                .doOnSuccess(r -> metrics.publishRequest(Duration.ofNanos(System.nanoTime() - start), true))
                .doOnError(e -> metrics.publishRequest(Duration.ofNanos(System.nanoTime() - start), false))
                .thenReturn(sentAt);
    }

    /**
     * The form, encoded by Netty's {@link QueryStringEncoder} (percent-encoding as {@code application/x-www-form-urlencoded}
     * decoders expect). Spring's form writer goes through {@code URLEncoder}, which runs a charset encoder for every
     * run of punctuation: with JSON data that was the most expensive step of a publish.
     */
    private String form(MercureUpdate update, Instant sentAt) {
        QueryStringEncoder form = new QueryStringEncoder("");
        form.addParam("topic", update.topic());
        form.addParam("id", update.id());
        form.addParam("private", "on");
        form.addParam("data", json.writeValueAsString(update.data().sentAt(sentAt)));
        return form.toString().substring(1);
    }

    private static boolean hopeless(HttpStatusCode status) {
        return status.is4xxClientError() && !WORTH_RETRYING.contains(status.value());
    }

    private void failed(Throwable error) {
        if (error instanceof UpdateRejectedException) {
            log.error("{}; the update is dropped", error.getMessage());
        } else if (hubFailing.compareAndSet(false, true)) {
            log.warn("Cannot publish to the Mercure hub at {} ({}); updates are kept and retried until it answers",
                    hub, rootMessage(error));
        }
    }

    private void recovered() {
        if (hubFailing.compareAndSet(true, false)) {
            log.info("The Mercure hub at {} takes updates again", hub);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
