/**
 * The {@code benchpulse} command: {@code up} starts the local stack (package {@code dev.benchpulse.stack}); the other
 * subcommands run benchmarks and read results from a running stack through its gateway.
 */
package dev.benchpulse.cli;
