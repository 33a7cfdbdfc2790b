package dev.benchpulse.runner.catalog;

import dev.benchpulse.runner.runtime.Runtimes;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The benchmark catalog over HTTP. */
@RestController
@RequestMapping("/api/benchmarks")
class CatalogController {

    private final Catalog catalog;
    private final Runtimes runtimes;

    CatalogController(Catalog catalog, Runtimes runtimes) {
        this.catalog = catalog;
        this.runtimes = runtimes;
    }

    @GetMapping
    @Operation(summary = "Every benchmark, with the ids of the available runtimes whose PHP can run it")
    List<BenchmarkSummary> list() {
        return catalog.benchmarks().stream()
                .map(b -> new BenchmarkSummary(b.slug(), b.name(), b.category(), b.group(), b.description(), b.tags(),
                        runtimes.idsFor(b.compatibility())))
                .toList();
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One benchmark's definition: its PHP code and settings")
    BenchmarkDetail get(@PathVariable String slug) {
        Benchmark b = catalog.get(slug);
        return new BenchmarkDetail(b.slug(), b.name(), b.category(), b.group(), b.description(), b.tags(),
                b.minPhpVersion(), b.warmupIterations(), b.innerIterations(), b.setup(), b.code(), b.teardown(),
                runtimes.idsFor(b.compatibility()), catalog.alternativesOf(b));
    }

    /**
     * A catalog entry in the list.
     *
     * @param slug        stable id
     * @param name        display name
     * @param category    category
     * @param group       the task; benchmarks of a group are alternatives
     * @param description what is measured
     * @param tags        tags
     * @param runtimes    ids of the available runtimes that can run it
     */
    record BenchmarkSummary(String slug, String name, String category, String group, String description,
            List<String> tags, List<String> runtimes) {
    }

    /**
     * A benchmark's full definition.
     *
     * @param slug             stable id
     * @param name             display name
     * @param category         category
     * @param group            the task
     * @param description      what is measured
     * @param tags             tags
     * @param minPhpVersion    oldest PHP that runs it, or null
     * @param warmupIterations unmeasured executions before each sample's loop
     * @param innerIterations  executions of code per sample
     * @param setup            PHP run once before the warmup
     * @param code             the measured body
     * @param teardown         PHP run once after the loop
     * @param runtimes         ids of the available runtimes that can run it
     * @param alternatives     slugs of the other benchmarks of its group
     */
    record BenchmarkDetail(String slug, String name, String category, String group, String description,
            List<String> tags, String minPhpVersion, int warmupIterations, int innerIterations, String setup,
            String code, String teardown, List<String> runtimes, List<String> alternatives) {
    }
}
