/**
 * History of a benchmark on a runtime: one point per completed run, each checked against its baseline (the
 * previous run, or a pinned one) for a regression of the median beyond a threshold (a default, or the benchmark's
 * own).
 */
package dev.benchpulse.results.history;
