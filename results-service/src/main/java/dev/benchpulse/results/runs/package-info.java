/**
 * Runs: what was requested, how it went and every sample it measured. Serves the list of runs (filtered, newest
 * first, paged), one run with its statistics (stored when it completed, computed from the samples so far while it
 * runs), and its raw samples as JSON or CSV.
 */
package dev.benchpulse.results.runs;
