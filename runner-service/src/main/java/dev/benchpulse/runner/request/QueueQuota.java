package dev.benchpulse.runner.request;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.support.identity.Requester;
import dev.benchpulse.support.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * The limit on how many runs one requester may have queued. The results service is the record of every run's
 * status, on every runner instance's behalf, so it is asked for the requester's queued runs; the runs this instance
 * accepted moments ago are added until the results service has heard of them (it hears of them a little later). When the results service
 * cannot be asked, no run is accepted (503): the limit is never silently skipped. A request for more runs than the
 * limit (a matrix of a category or the catalog, itself bounded by {@code max-runs} and {@code max-samples}) is taken
 * only while none of the requester's runs wait, so one requester has either a few runs or one matrix waiting.
 */
class QueueQuota {

    private record Accepted(UUID runId, Instant at) {}

    private final RequestProperties properties;
    private final WebClient results;
    private final Clock clock;
    private final Cache<String, ConcurrentLinkedDeque<Accepted>> recent;

    QueueQuota(RequestProperties properties, WebClient.Builder webClients, Clock clock) {
        this.properties = properties;
        this.results = webClients.baseUrl(properties.resultsUrl().toString()).build();
        this.clock = clock;
        this.recent = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(properties.recentWindow())
                .build();
    }

    /** Completes when {@code adding} more runs keep the requester within the limit, else fails with a problem. */
    Mono<Void> check(Requester requester, String identityToken, int adding) {
        int max = properties.maxQueuedPerRequester();
        if (max <= 0) {
            return Mono.empty();
        }
        Set<UUID> recent = recentlyAccepted(requester);
        Mono<Set<UUID>> known = recent.isEmpty() ? Mono.just(Set.of()) : known(requester, identityToken);
        return Mono.zip(queued(requester, identityToken), known).flatMap(answers -> {
            Queued queued = answers.getT1();
            // a run the results service has heard of is counted by it if still queued, and not at all once started
            recent.removeAll(queued.ids());
            recent.removeAll(answers.getT2());
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
    private record Queued(Set<UUID> ids, long total) {}

    private Mono<Queued> queued(Requester requester, String identityToken) {
        return runs(requester, identityToken, "QUEUED").map(page -> new Queued(ids(page), page.total()));
    }

    /**
     * The requester's newest runs the results service has heard of, whatever their status: those of the runs
     * accepted here lately that have already started (or ended) no longer wait.
     */
    private Mono<Set<UUID>> known(Requester requester, String identityToken) {
        return runs(requester, identityToken, null).map(QueueQuota::ids);
    }

    private Mono<RunPage> runs(Requester requester, String identityToken, String status) {
        return results.get()
                .uri((UriBuilder uri) -> {
                    uri.path("/api/runs")
                            .queryParam("requestedBy", "{requester}")
                            .queryParam("size", 200);
                    if (status != null) {
                        uri.queryParam("status", status);
                    }
                    return uri.build(requester.label());
                })
                .headers(headers -> {
                    if (identityToken != null) {
                        headers.set(ApiHeaders.IDENTITY, identityToken);
                    }
                })
                .retrieve()
                .bodyToMono(RunPage.class)
                .timeout(properties.queueLookupTimeout())
                .onErrorMap(e -> !(e instanceof QueueFull), e -> new LookupFailed(properties, e));
    }

    private static Set<UUID> ids(RunPage page) {
        Set<UUID> ids = new HashSet<>();
        page.items().forEach(item -> ids.add(item.id()));
        return ids;
    }

    /** The part of the results service's run list read here. */
    record RunPage(List<Item> items, long total) {

        record Item(UUID id) {}
    }

    /** The requester has too many runs waiting: 429. */
    static final class QueueFull extends ApiProblem {

        QueueFull(Requester requester, long queued, int adding, int max) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many queued runs",
                    requester.label() + " has " + queued
                            + " run(s) waiting and asked for " + adding + " more; at most " + max
                            + " may wait at once (or one"
                            + " request of more while none wait). Start more when some have started, or cancel some"
                            + " (DELETE /api/runs/{id}).");
            with("queued", queued);
            with("limit", max);
        }
    }

    /** The results service could not say how many runs are waiting: 503. */
    static final class LookupFailed extends ApiProblem {

        LookupFailed(RequestProperties properties, Throwable cause) {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Queue limit cannot be checked",
                    "Cannot count your queued runs:"
                            + " results-service did not answer at " + properties.resultsUrl() + " ("
                            + cause.getClass().getSimpleName()
                            + "). Start it (./benchpulse up starts every service) or set"
                            + " BENCHPULSE_RESULTS_URL; runs are accepted again once it answers.",
                    cause);
        }
    }
}
