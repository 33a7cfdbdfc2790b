/**
 * Ingest: turns the run requests and the lifecycle events of every run into rows, exactly once. Requests make a
 * run QUEUED; a new attempt's Started makes it RUNNING and discards the samples of earlier attempts; each Progress
 * adds one sample of the current attempt; Completed stores the run's statistics; Failed records why. Every write is
 * idempotent (unique keys, {@code INSERT … ON CONFLICT DO NOTHING}) and Kafka offsets are committed only after the
 * write, so redelivery after a crash changes nothing.
 */
package dev.benchpulse.results.ingest;
