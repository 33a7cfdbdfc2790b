/**
 * PHP versions side by side: one benchmark on every runtime with a completed run, ordered by PHP version, each
 * against a chosen baseline; and the speed-up between two runtimes over the whole catalog, by category.
 */
package dev.benchpulse.results.versions;
