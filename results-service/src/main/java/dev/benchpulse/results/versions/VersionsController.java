package dev.benchpulse.results.versions;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/benchmarks/{slug}/versions} and {@code /api/speedups}: PHP versions side by side. */
@RestController
class VersionsController {

    private final VersionsService versions;

    VersionsController(VersionsService versions) {
        this.versions = versions;
    }

    @GetMapping("/api/benchmarks/{slug}/versions")
    @Operation(
            summary =
                    "The benchmark on every runtime with a completed run, ordered by PHP version: median, p90, "
                            + "p99, CV, and the ratio to the baseline runtime (default: the oldest) with its 95% CI and verdict")
    Mono<VersionsView> versions(@PathVariable String slug, @RequestParam(required = false) String baseline) {
        return versions.versions(slug, baseline);
    }

    @GetMapping("/api/speedups")
    @Operation(
            summary = "The speed-up from one runtime to another over every benchmark completed on both: per "
                    + "benchmark, per category (geometric mean) and overall")
    Mono<SpeedupView> speedup(@RequestParam String from, @RequestParam String to) {
        return versions.speedup(from, to);
    }
}
