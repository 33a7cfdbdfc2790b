/**
 * The sample harness: the PHP file rendered for one sample (setup, warmup, garbage collection settled, the
 * hrtime-timed measured loop, memory, teardown, one JSON result line), the driver that runs it from a file so
 * opcache and the JIT apply, and the reading of what it reports, with PHP's line numbers mapped back to the
 * benchmark's sections.
 */
package dev.benchpulse.runner.harness;
