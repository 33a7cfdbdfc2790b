/**
 * Exports in Bencher Metric Format (BMF JSON), so a run or a comparison can be pushed to bencher.dev with
 * {@code bencher run --adapter json}.
 */
package dev.benchpulse.results.export;
