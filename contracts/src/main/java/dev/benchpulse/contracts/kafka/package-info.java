/**
 * Kafka serializers and deserializers for Benchpulse records: Avro single-object encoding with the writer schema
 * resolved by fingerprint, and CloudEvents binary-mode headers on every record.
 */
package dev.benchpulse.contracts.kafka;
