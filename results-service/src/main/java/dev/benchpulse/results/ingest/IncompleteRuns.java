package dev.benchpulse.results.ingest;

import dev.benchpulse.results.settings.ResultsProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reports, every check interval, the runs whose runner finished more than the completion timeout ago with samples
 * still missing: they become INCOMPLETE, each logged at WARN. Several instances may do it at once; the update is
 * idempotent.
 */
@Component
class IncompleteRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IncompleteRuns.class);

    private final RunCompletion completion;
    private final Duration timeout;
    private final Duration interval;
    private Disposable checks;

    IncompleteRuns(RunCompletion completion, ResultsProperties properties) {
        this.completion = completion;
        this.timeout = properties.ingest().completionTimeout();
        this.interval = properties.ingest().completionCheckInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        checks = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(
                        tick -> completion
                                .markIncomplete(timeout)
                                .doOnNext(run -> log.warn(
                                        "Run {} ended {} s ago but samples its runner took are still "
                                                + "missing: it is INCOMPLETE (GET /api/runs/{} lists them). Look for them on the "
                                                + "dead-letter topic (./benchpulse dlt list)",
                                        run,
                                        timeout.toSeconds(),
                                        run))
                                .onErrorResume(e -> {
                                    log.debug("Cannot check for incomplete runs now", e);
                                    return Mono.empty();
                                }),
                        1)
                .subscribe();
    }

    @Override
    public void destroy() {
        if (checks != null) {
            checks.dispose();
        }
    }
}
