/**
 * Taking samples: one fresh PHP process per sample running the rendered harness, bounded in time, memory and
 * output, and the outcome of each sample as a measurement or a failure kind.
 */
package dev.benchpulse.runner.execution;
