package dev.benchpulse.runner.catalog;

import dev.benchpulse.runner.runtime.PhpCompatibility;
import dev.benchpulse.runner.runtime.PhpVersion;
import java.util.List;
import java.util.Optional;

/**
 * A validated benchmark of the catalog: what it measures, the PHP it runs and how many times.
 *
 * @param slug             stable id, the YAML file's name
 * @param name             display name
 * @param category         kebab-case category, e.g. {@code strings}
 * @param group            alternatives of the same task share a group
 * @param description      what is measured and why it is interesting
 * @param tags             1 to 6 lowercase tags
 * @param minPhpVersion    oldest PHP ({@code major.minor}) that can run it, or null
 * @param maxPhpVersion    newest PHP ({@code major.minor}) that can run it (a feature removed later), or null
 * @param phpVersionReason why it needs those versions (the feature it uses), set when either limit is
 * @param warmupIterations unmeasured executions of {@code code} before each sample's measured loop
 * @param innerIterations  executions of {@code code} in one sample's measured loop
 * @param setup            PHP run once before the warmup at the harness file's top level (may be empty)
 * @param code             the measured body
 * @param teardown         PHP run once after the measured loop (may be empty)
 */
public record Benchmark(
        String slug,
        String name,
        String category,
        String group,
        String description,
        List<String> tags,
        String minPhpVersion,
        String maxPhpVersion,
        String phpVersionReason,
        int warmupIterations,
        int innerIterations,
        String setup,
        String code,
        String teardown) {

    public Benchmark {
        tags = List.copyOf(tags);
        setup = setup == null ? "" : setup;
        teardown = teardown == null ? "" : teardown;
    }

    /** The PHP versions that can run this benchmark. */
    public PhpCompatibility compatibility() {
        return new PhpCompatibility(
                Optional.ofNullable(minPhpVersion).map(PhpVersion::parse),
                Optional.ofNullable(maxPhpVersion).map(PhpVersion::parse),
                phpVersionReason);
    }

    /** A copy with other iteration counts (overrides of a run request or a calibration). */
    public Benchmark withIterations(int warmup, int inner) {
        return new Benchmark(
                slug,
                name,
                category,
                group,
                description,
                tags,
                minPhpVersion,
                maxPhpVersion,
                phpVersionReason,
                warmup,
                inner,
                setup,
                code,
                teardown);
    }
}
