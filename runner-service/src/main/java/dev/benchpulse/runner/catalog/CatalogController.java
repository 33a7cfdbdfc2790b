package dev.benchpulse.runner.catalog;

import dev.benchpulse.runner.runtime.PhpCompatibility;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    @Operation(
            summary = "Every benchmark, with the PHP versions it runs on (and why), the ids of the available "
                    + "runtimes that can run it and, for the others, why not")
    List<BenchmarkSummary> list() {
        List<PhpRuntime> all = runtimes.all();
        return catalog.benchmarks().stream()
                .map(b -> new BenchmarkSummary(
                        b.slug(),
                        b.name(),
                        b.category(),
                        b.group(),
                        b.description(),
                        b.tags(),
                        b.compatibility().describe(),
                        b.phpVersionReason(),
                        able(all, b.compatibility()),
                        excluded(all, b)))
                .toList();
    }

    @GetMapping("/{slug}")
    @Operation(
            summary = "One benchmark's definition: its PHP code and settings, the PHP versions it runs on and "
                    + "which runtimes can run it")
    BenchmarkDetail get(@PathVariable String slug) {
        Benchmark b = catalog.get(slug);
        List<PhpRuntime> all = runtimes.all();
        return new BenchmarkDetail(
                b.slug(),
                b.name(),
                b.category(),
                b.group(),
                b.description(),
                b.tags(),
                b.minPhpVersion(),
                b.maxPhpVersion(),
                b.compatibility().describe(),
                b.phpVersionReason(),
                b.warmupIterations(),
                b.innerIterations(),
                b.setup(),
                b.code(),
                b.teardown(),
                able(all, b.compatibility()),
                excluded(all, b),
                catalog.alternativesOf(b));
    }

    private static List<String> able(List<PhpRuntime> all, PhpCompatibility compatibility) {
        return all.stream()
                .filter(r -> r.canRun(compatibility))
                .map(PhpRuntime::id)
                .toList();
    }

    /** Available runtimes whose PHP the benchmark does not run on, each with the reason a user sees. */
    private static Map<String, String> excluded(List<PhpRuntime> all, Benchmark b) {
        Map<String, String> excluded = new LinkedHashMap<>();
        all.stream()
                .filter(r -> r.available() && !r.canRun(b.compatibility()))
                .forEach(r -> excluded.put(
                        r.id(),
                        "runs PHP " + r.phpVersion() + "; this benchmark needs "
                                + b.compatibility().explain()));
        return excluded;
    }

    /**
     * A catalog entry in the list.
     *
     * @param slug        stable id
     * @param name        display name
     * @param category    category
     * @param group       the task; benchmarks of a group are alternatives
     * @param description what is measured
     * @param tags             tags
     * @param phpVersions      the PHP versions it runs on, e.g. {@code PHP 8.1 or newer}
     * @param phpVersionReason why it needs them, or null when it runs on any PHP
     * @param runtimes         ids of the available runtimes that can run it
     * @param excludedRuntimes available runtimes whose PHP it does not run on, with the reason
     */
    record BenchmarkSummary(
            String slug,
            String name,
            String category,
            String group,
            String description,
            List<String> tags,
            String phpVersions,
            String phpVersionReason,
            List<String> runtimes,
            Map<String, String> excludedRuntimes) {}

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
     * @param maxPhpVersion    newest PHP that runs it, or null
     * @param phpVersions      the PHP versions it runs on, e.g. {@code PHP 8.1 or newer}
     * @param phpVersionReason why it needs them, or null when it runs on any PHP
     * @param warmupIterations unmeasured executions before each sample's loop
     * @param innerIterations  executions of code per sample
     * @param setup            PHP run once before the warmup
     * @param code             the measured body
     * @param teardown         PHP run once after the loop
     * @param runtimes         ids of the available runtimes that can run it
     * @param excludedRuntimes available runtimes whose PHP it does not run on, with the reason
     * @param alternatives     slugs of the other benchmarks of its group
     */
    record BenchmarkDetail(
            String slug,
            String name,
            String category,
            String group,
            String description,
            List<String> tags,
            String minPhpVersion,
            String maxPhpVersion,
            String phpVersions,
            String phpVersionReason,
            int warmupIterations,
            int innerIterations,
            String setup,
            String code,
            String teardown,
            List<String> runtimes,
            Map<String, String> excludedRuntimes,
            List<String> alternatives) {}
}
