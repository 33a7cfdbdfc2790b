/**
 * The hub's load generator (a program, not a test): subscriber processes, a fixed-rate publisher, latency recording
 * with HdrHistogram, and the hub's memory and CPU read from outside. See docs/performance.md.
 */
package dev.benchpulse.hub.load;
