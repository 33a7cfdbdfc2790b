package dev.benchpulse.results.history;

import dev.benchpulse.results.problem.BadRequestException;
import dev.benchpulse.results.runs.RunQueries;
import dev.benchpulse.results.runs.RunStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * History of a benchmark on a runtime, its pinned baseline and its regression threshold. Every route answers 404 for
 * a benchmark without runs, so nothing is stored for slugs that do not exist.
 */
@RestController
@RequestMapping("/api/benchmarks/{slug}")
class HistoryController {

    private final HistoryService history;
    private final BaselineRepository baselines;
    private final Thresholds thresholds;
    private final RunQueries runs;

    HistoryController(HistoryService history, BaselineRepository baselines, Thresholds thresholds, RunQueries runs) {
        this.history = history;
        this.baselines = baselines;
        this.thresholds = thresholds;
        this.runs = runs;
    }

    @GetMapping("/history")
    Mono<HistoryView> history(@PathVariable String slug, @RequestParam String runtime) {
        return runs.requireBenchmark(slug).then(history.history(slug, runtime));
    }

    /** Pins a completed run of this benchmark and runtime as the baseline of every other run. */
    @PutMapping("/baseline")
    Mono<BaselineRepository.Baseline> pin(
            @PathVariable String slug, @RequestParam String runtime, @RequestParam UUID runId) {
        return runs.requireBenchmark(slug).then(runs.run(runId)).flatMap(run -> {
            if (run.runStatus() != RunStatus.COMPLETED
                    || !run.benchmark().equals(slug)
                    || !run.runtime().equals(runtime)) {
                return Mono.error(new BadRequestException(
                        "runId",
                        "Run " + runId + " is a " + run.status()
                                + " run of '" + run.benchmark() + "' on '" + run.runtime()
                                + "': pin a COMPLETED run of '"
                                + slug + "' on '" + runtime + "' (see GET /api/benchmarks/" + slug + "/history?runtime="
                                + runtime
                                + ")."));
            }
            return baselines.pin(slug, runtime, runId);
        });
    }

    /** Goes back to checking each run against the previous one. */
    @DeleteMapping("/baseline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unpin(@PathVariable String slug, @RequestParam String runtime) {
        return runs.requireBenchmark(slug).then(baselines.unpin(slug, runtime)).then();
    }

    @PutMapping("/regression-threshold")
    Mono<ThresholdView> setThreshold(@PathVariable String slug, @Valid @RequestBody ThresholdRequest request) {
        return runs.requireBenchmark(slug)
                .then(thresholds.set(slug, request.threshold()))
                .map(t -> new ThresholdView(slug, t));
    }

    /** Goes back to the default threshold. */
    @DeleteMapping("/regression-threshold")
    Mono<ThresholdView> resetThreshold(@PathVariable String slug) {
        return runs.requireBenchmark(slug).then(thresholds.reset(slug)).map(t -> new ThresholdView(slug, t));
    }

    /** @param threshold relative slow-down of the median flagged as a regression, e.g. 0.05 for 5% */
    record ThresholdRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10")
            Double threshold) {}

    record ThresholdView(String benchmark, double threshold) {}
}
