package dev.benchpulse.results.comparison;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** {@code GET /api/benchmarks/{slug}/comparison?runtimes=a,b[,c…]}. */
@RestController
class ComparisonController {

    private final ComparisonService comparisons;

    ComparisonController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/api/benchmarks/{slug}/comparison")
    Mono<ComparisonView> compare(@PathVariable String slug, @RequestParam String runtimes) {
        return comparisons.compare(slug, ComparisonService.runtimes(runtimes));
    }
}
