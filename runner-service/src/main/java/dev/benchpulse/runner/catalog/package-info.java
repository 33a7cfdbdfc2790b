/**
 * The benchmark catalog: one YAML file per benchmark, validated at start-up (a bad file is reported and left
 * out), served over HTTP with the runtimes able to run each benchmark.
 */
package dev.benchpulse.runner.catalog;
