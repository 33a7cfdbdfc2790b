/**
 * The notifier's meters ({@link dev.benchpulse.notifier.metrics.NotifierMetrics}), which the consumer, the relays and
 * the hub client all record to.
 */
package dev.benchpulse.notifier.metrics;
