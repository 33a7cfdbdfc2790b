/**
 * Benchpulse's event contracts: the topic registry ({@link dev.benchpulse.contracts.Topics}), the event types
 * carried on each topic ({@link dev.benchpulse.contracts.EventType}) and helpers to read the fields every
 * lifecycle event shares ({@link dev.benchpulse.contracts.Events}). Generated Avro classes live in
 * {@code dev.benchpulse.contracts.avro}, Kafka serdes in {@code dev.benchpulse.contracts.kafka}.
 */
package dev.benchpulse.contracts;
