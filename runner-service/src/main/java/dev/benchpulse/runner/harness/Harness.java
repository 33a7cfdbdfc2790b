package dev.benchpulse.runner.harness;

/**
 * A harness rendered for one sample: the PHP script and how its lines map back to the benchmark.
 *
 * @param script    the PHP file's content
 * @param sourceMap where the benchmark's sections are in it
 */
public record Harness(String script, SourceMap sourceMap) {
}
