/**
 * Kafka set-up shared by the Benchpulse services: registry topics created at start-up, consumer and producer
 * factories typed by a registry {@link dev.benchpulse.contracts.Topic}, and the error handler that retries a
 * failing record a bounded number of times and then parks it on the topic's dead-letter topic.
 */
package dev.benchpulse.support.kafka;
