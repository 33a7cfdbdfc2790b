package dev.benchpulse.gateway.routing;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import dev.benchpulse.support.problem.ProblemResponses;
import java.net.ConnectException;
import java.net.URI;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The routing table. The runner owns the catalog, runtimes, calibration, and starting and cancelling runs; the
 * results service owns every other run read, comparisons, history, exports, operations (the dead-letter topics)
 * and the event schemas for other teams' consumers; the hub serves the event streams (spread over the instances of a
 * hub cluster, see {@link HubInstances}).
 * Specific routes have a lower order than the catch-alls that follow them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServicesProperties.class)
class ServiceRoutes {

    static final String HUB_PATH = "/.well-known/mercure";

    @Bean
    RouteLocator benchpulseRoutes(RouteLocatorBuilder builder, ServicesProperties services, ProblemResponses problems) {
        Backend runner = new Backend("runner-service", "BENCHPULSE_RUNNER_URL", services.runnerUrl());
        Backend results = new Backend("results-service", "BENCHPULSE_RESULTS_URL", services.resultsUrl());
        Backend hub = services.hubCluster()
                ? new Backend(
                        "mercure-hub",
                        "BENCHPULSE_HUB_INSTANCES",
                        URI.create(services.hubInstances().getFirst()))
                : new Backend("mercure-hub", "BENCHPULSE_HUB_URL", services.hubUrl());
        URI hubTarget = services.hubCluster() ? URI.create("lb://" + HubInstances.SERVICE_ID) : origin(hub.url());
        long timeout = services.apiResponseTimeout().toMillis();
        String hubPath = services.hubUrl().getPath().isEmpty()
                ? HUB_PATH
                : services.hubUrl().getPath();
        return builder.routes()
                .route(
                        "runner-catalog",
                        r -> r.order(0)
                                .method(GET, HEAD)
                                .and()
                                .path("/api/benchmarks", "/api/benchmarks/{slug}", "/api/runtimes", "/api/runtimes/**")
                                .metadata(runner.metadata())
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
                                .uri(origin(runner.url())))
                .route(
                        "runner-calibration",
                        r -> r.order(0)
                                .method(POST)
                                .and()
                                .path("/api/benchmarks/{slug}/calibrate")
                                .metadata(runner.metadata())
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
                                .uri(origin(runner.url())))
                .route(
                        "runner-run-requests",
                        r -> r.order(0)
                                .method(POST)
                                .and()
                                .path("/api/runs")
                                .metadata(runner.metadata())
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
                                .uri(origin(runner.url())))
                .route(
                        "runner-cancellation",
                        r -> r.order(0)
                                .method(DELETE)
                                .and()
                                .path("/api/runs/{id}")
                                .metadata(runner.metadata())
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
                                .uri(origin(runner.url())))
                .route(
                        "results-schemas",
                        r -> r.order(0)
                                .method(GET, HEAD)
                                .and()
                                .path("/api/schemas", "/api/schemas/**")
                                .metadata(results.metadata())
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
                                .uri(origin(results.url())))
                .route(
                        "results",
                        r -> r.order(10)
                                .path(
                                        "/api/runs",
                                        "/api/runs/**",
                                        "/api/benchmarks/{slug}/**",
                                        "/api/exports/**",
                                        "/api/operations/**",
                                        "/api/matrices/**",
                                        "/api/speedups")
                                .metadata(results.metadata())
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
                                .uri(origin(results.url())))
                // No response timeout here: an event stream stays open for as long as the page does.
                .route(
                        "hub",
                        r -> r.order(0)
                                .method(GET, HEAD)
                                .and()
                                .path(HUB_PATH, HUB_PATH + "/subscriptions", HUB_PATH + "/subscriptions/**")
                                .filters(f -> {
                                    f.rewritePath("^/\\.well-known/mercure(?<rest>.*)$", hubPath + "${rest}");
                                    if (services.hubCluster()) {
                                        // an instance at its bound on subscriptions answers 503, one that has just
                                        // died refuses the connection: the balancer picks another instance
                                        f.retry(retry -> retry.setRetries(3)
                                                .setStatuses(HttpStatus.SERVICE_UNAVAILABLE)
                                                .setSeries()
                                                .setMethods(GET)
                                                .setExceptions(ConnectException.class));
                                    }
                                    return f;
                                })
                                .metadata(hub.metadata())
                                .uri(hubTarget))
                .route(
                        "unknown-api",
                        r -> r.order(100)
                                .path("/api/**")
                                .filters(f -> f.filter((exchange, chain) -> problems.write(
                                        exchange,
                                        HttpStatus.NOT_FOUND,
                                        "No such API endpoint",
                                        "Nothing answers "
                                                + exchange.getRequest().getMethod() + " "
                                                + exchange.getRequest().getPath() + ". The API is described in each"
                                                + " service's OpenAPI document (/v3/api-docs on the runner and results"
                                                + " services).")))
                                .uri("no://op"))
                .build();
    }

    private static URI origin(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority());
    }
}
