/**
 * Comparison of runtimes on one benchmark: the latest completed run of each runtime, their statistics, and for
 * every pair the ratio of medians with a bootstrap confidence interval, a Mann-Whitney U test and a verdict.
 */
package dev.benchpulse.results.comparison;
