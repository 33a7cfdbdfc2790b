package dev.benchpulse.runner.request;

import dev.benchpulse.support.identity.Identity;
import dev.benchpulse.support.identity.Requester;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

import reactor.core.publisher.Mono;

/**
 * The limit on how many runs one requester may have queued. The results service is the record of every run's
 * status, on every runner instance's behalf, so it is asked for the requester's queued runs; the runs this instance
 * accepted moments ago are added, since the results service hears of them a little later. When the results service
 * cannot be asked, no run is accepted (503): the limit is never silently skipped. A request for more runs than the
 * limit (a matrix of a category or the catalog, itself bounded by {@code max-runs} and {@code max-samples}) is taken
 * only while none of the requester's runs wait, so one requester has either a few runs or one matrix waiting.
 */
class QueueQuota {

    private record Accepted(UUID runId, Instant at) {
    }

    private final RequestProperties properties;
    private final WebClient results;
    private final Clock clock;
    private final Cache<String, ConcurrentLinkedDeque<Accepted>> recent;

    QueueQuota(RequestProperties properties, WebClient.Builder webClients, Clock clock) {
        this.properties = properties;
        this.results = webClients.baseUrl(properties.resultsUrl().toString()).build();
        this.clock = clock;
        this.recent = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(properties.recentWindow()).build();
    }

    /** Completes when {@code adding} more runs keep the requester within the limit, else fails with a problem. */
    Mono<Void> check(Requester requester, String identityToken, int adding) {
        int max = properties.maxQueuedPerRequester();
        if (max <= 0) {
            return Mono.empty();
        }
        return queued(requester, identityToken).flatMap(queued -> {
            Set<UUID> recent = recentlyAccepted(requester);
            recent.removeAll(queued.ids());
            long waiting = Math.max(queued.total(), queued.ids().size()) + recent.size();
            if (waiting == 0 || waiting + adding <= max) {
                return Mono.empty();
            }
            return Mono.error(new QueueFull(requester, waiting, adding, max));
        });
    }

    /** Remembers runs just accepted for the requester. */
    void accepted(Requester requester, List<UUID> runIds) {
        if (properties.maxQueuedPerRequester() > 0) {
            ConcurrentLinkedDeque<Accepted> runs = recent.get(requester.label(), k -> new ConcurrentLinkedDeque<>());
            runIds.forEach(id -> runs.add(new Accepted(id, clock.instant())));
        }
    }

    private Set<UUID> recentlyAccepted(Requester requester) {
        ConcurrentLinkedDeque<Accepted> runs = recent.getIfPresent(requester.label());
        Set<UUID> ids = new HashSet<>();
        if (runs != null) {
            Instant since = clock.instant().minus(properties.recentWindow());
            runs.removeIf(run -> run.at().isBefore(since));
            runs.forEach(run -> ids.add(run.runId()));
        }
        return ids;
    }

    /** The requester's queued runs the results service knows of: the ids of the first page, and how many in all. */
    private record Queued(Set<UUID> ids, long total) {
    }

    private Mono<Queued> queued(Requester requester, String identityToken) {
        return results.get()
                .uri((UriBuilder uri) -> uri.path("/api/runs").queryParam("requestedBy", "{requester}")
                        .queryParam("status", "QUEUED").queryParam("size", 200).build(requester.label()))
                .headers(headers -> {
                    if (identityToken != null) {
                        headers.set(Identity.HEADER, identityToken);
                    }
                })
                .retrieve()
                .bodyToMono(RunPage.class)
                .timeout(properties.queueLookupTimeout())
                .map(page -> {
                    Set<UUID> ids = new HashSet<>();
                    page.items().forEach(item -> ids.add(item.id()));
                    return new Queued(ids, page.total());
                })
                .onErrorMap(e -> !(e instanceof QueueFull), e -> new LookupFailed(properties, e));
    }

    /** The part of the results service's run list read here. */
    record RunPage(List<Item> items, long total) {

        record Item(UUID id) {
        }
    }

    /** The requester has too many runs waiting: 429. */
    static final class QueueFull extends ErrorResponseException {

        QueueFull(Requester requester, long queued, int adding, int max) {
            super(HttpStatus.TOO_MANY_REQUESTS, problem(requester, queued, adding, max), null);
        }

        private static ProblemDetail problem(Requester requester, long queued, int adding, int max) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, requester.label()
                    + " has " + queued + " run(s) waiting and asked for " + adding + " more; at most " + max
                    + " may wait at once (or one request of more while none wait). Start more when some have started,"
                    + " or cancel some (DELETE /api/runs/{id}).");
            problem.setTitle("Too many queued runs");
            problem.setProperty("queued", queued);
            problem.setProperty("limit", max);
            return problem;
        }
    }

    /** The results service could not say how many runs are waiting: 503. */
    static final class LookupFailed extends ErrorResponseException {

        LookupFailed(RequestProperties properties, Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, problem(properties, cause), cause);
        }

        private static ProblemDetail problem(RequestProperties properties, Throwable cause) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Cannot count"
                    + " your queued runs: results-service did not answer at " + properties.resultsUrl() + " ("
                    + cause.getClass().getSimpleName() + "). Start it (./benchpulse up starts every service) or set"
                    + " BENCHPULSE_RESULTS_URL; runs are accepted again once it answers.");
            problem.setTitle("Queue limit cannot be checked");
            return problem;
        }
    }
}
