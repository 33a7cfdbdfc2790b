package dev.benchpulse.runner.calibration;

import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.run.SampleExecutor;
import dev.benchpulse.runner.run.WorkerSlots;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Calibration over HTTP: suggests inner iterations for a benchmark on a runtime. It runs PHP, so it takes a worker
 * slot like a run does ({@link WorkerSlots}), off the request threads.
 */
@RestController
class CalibrationController {

    private final Catalog catalog;
    private final Runtimes runtimes;
    private final Calibrator calibrator;
    private final WorkerSlots slots;

    CalibrationController(Catalog catalog, Runtimes runtimes, SampleExecutor executor, WorkerSlots slots) {
        this.catalog = catalog;
        this.runtimes = runtimes;
        this.calibrator = new Calibrator(executor);
        this.slots = slots;
    }

    @PostMapping("/api/benchmarks/{slug}/calibrate")
    @Operation(summary = "Suggest inner iterations so that one sample's measured loop lasts about targetMillis")
    Mono<Calibration> calibrate(
            @PathVariable String slug,
            @RequestParam(required = false) String runtime,
            @RequestParam(defaultValue = "200") long targetMillis) {
        Benchmark benchmark = catalog.get(slug);
        if (runtime == null || runtime.isBlank()) {
            throw ApiProblem.invalid(
                    "runtime",
                    "is required: the id of the runtime to calibrate on, e.g. "
                            + "?runtime=php (GET /api/runtimes lists them)");
        }
        if (targetMillis < 10 || targetMillis > 10_000) {
            throw ApiProblem.invalid("targetMillis", "must be between 10 and 10000 (got " + targetMillis + ")");
        }
        runtimes.problemRunning(slug, benchmark.compatibility(), runtime).ifPresent(problem -> {
            throw ApiProblem.invalid("runtime", problem);
        });
        return Mono.fromCallable(() -> slots.forCalibration(() -> calibrator.calibrate(
                        benchmark, runtimes.find(runtime).orElseThrow(), Duration.ofMillis(targetMillis))))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
