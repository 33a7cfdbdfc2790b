/**
 * Running benchmarks from the command line: starting the runs, following them live through the Mercure hub (with
 * the results API as the source of truth), and reporting their statistics.
 */
package dev.benchpulse.cli.run;
