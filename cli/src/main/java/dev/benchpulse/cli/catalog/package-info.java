/**
 * The catalog as the command-line client shows it: benchmarks, runtimes and calibration, and the checks that name
 * an unknown benchmark or runtime before anything runs.
 */
package dev.benchpulse.cli.catalog;
