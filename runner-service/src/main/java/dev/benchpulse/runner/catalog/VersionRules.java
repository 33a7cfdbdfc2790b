package dev.benchpulse.runner.catalog;

import dev.benchpulse.runner.runtime.PhpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PHP versions a benchmark names must make sense together: the newest no older than the oldest, and a reason
 * (the feature that needs them) whenever either is given, because the dashboard shows it next to every runtime
 * the benchmark cannot run on.
 */
final class VersionRules {

    private VersionRules() {}

    /** Problems as field name → message; empty when the versions are fine. */
    static List<Map.Entry<String, String>> check(BenchmarkFile file) {
        List<Map.Entry<String, String>> problems = new ArrayList<>();
        boolean limited = file.minPhpVersion() != null || file.maxPhpVersion() != null;
        if (limited
                && (file.phpVersionReason() == null || file.phpVersionReason().isBlank())) {
            problems.add(Map.entry(
                    "phpVersionReason",
                    "is required with minPhpVersion or maxPhpVersion: name the "
                            + "feature that needs those versions, e.g. \"enums are new in PHP 8.1\""));
        }
        if (!limited && file.phpVersionReason() != null) {
            problems.add(Map.entry(
                    "phpVersionReason",
                    "explains minPhpVersion or maxPhpVersion, but neither is set: " + "remove it or set the versions"));
        }
        if (PhpVersion.isValid(file.minPhpVersion())
                && PhpVersion.isValid(file.maxPhpVersion())
                && PhpVersion.parse(file.maxPhpVersion()).compareMinor(PhpVersion.parse(file.minPhpVersion())) < 0) {
            problems.add(Map.entry(
                    "maxPhpVersion",
                    "is " + file.maxPhpVersion() + ", older than minPhpVersion " + file.minPhpVersion()
                            + ": no PHP could run the benchmark"));
        }
        return problems;
    }
}
