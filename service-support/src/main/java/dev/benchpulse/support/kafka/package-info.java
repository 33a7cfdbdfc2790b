/**
 * Kafka set-up shared by the Benchpulse services: registry topics created at start-up, consumer and producer
 * factories typed by a registry {@link dev.benchpulse.contracts.Topic}, and the error handler that tells a record
 * bad in itself (parked, loudly, on its topic's dead-letter topic after a short bounded back-off) from a failure of
 * a dependency (retried without limit while health and meters report the outage).
 */
package dev.benchpulse.support.kafka;
