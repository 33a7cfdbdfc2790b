package dev.benchpulse.results.comparison;

import dev.benchpulse.results.runs.RunQueries;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/benchmarks/{slug}/comparison?runtimes=a,b[,c…]}. */
@RestController
class ComparisonController {

    private final ComparisonService comparisons;
    private final RunQueries runs;

    ComparisonController(ComparisonService comparisons, RunQueries runs) {
        this.comparisons = comparisons;
        this.runs = runs;
    }

    @GetMapping("/api/benchmarks/{slug}/comparison")
    Mono<ComparisonView> compare(@PathVariable String slug, @RequestParam String runtimes) {
        List<String> ids = ComparisonService.runtimes(runtimes);
        return runs.requireBenchmark(slug).then(comparisons.compare(slug, ids));
    }
}
