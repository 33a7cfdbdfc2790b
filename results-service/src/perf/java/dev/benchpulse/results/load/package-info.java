/**
 * The ingest load generator: a measuring program ({@code main}, not a test) that feeds the results service from a
 * real broker into a real PostgreSQL and reports the ingest rate, the lag after a burst and the CPU seconds by
 * component. See docs/performance.md, section "Results service: ingest throughput".
 */
package dev.benchpulse.results.load;
