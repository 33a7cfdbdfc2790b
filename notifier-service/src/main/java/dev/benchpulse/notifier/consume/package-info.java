/**
 * Reading the run lifecycle events from Kafka (consumer group {@code benchpulse-notifier}) and committing an event's
 * offset only once its update was delivered to the hub or deliberately coalesced. Updates settle out of order across
 * runs, so each partition keeps its read offsets in order and commits the highest offset below which everything is
 * settled; a partition that runs too far ahead of its oldest unsettled event is paused until the hub catches up.
 */
package dev.benchpulse.notifier.consume;
