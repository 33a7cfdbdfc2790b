package dev.benchpulse.cli.api;

import java.util.List;

/**
 * {@code POST /api/runs}: one run of the benchmark per runtime.
 *
 * @param benchmark  benchmark slug
 * @param runtimes   runtime ids
 * @param iterations samples per run
 */
public record RunRequest(String benchmark, List<String> runtimes, Integer iterations) {
}
