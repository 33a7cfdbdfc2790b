package dev.benchpulse.runner.run;

/**
 * A harness rendered for one sample: the PHP script and how its lines map back to the benchmark.
 *
 * @param script    the PHP file's content
 * @param sourceMap where the benchmark's sections are in it
 */
record Harness(String script, SourceMap sourceMap) {}
