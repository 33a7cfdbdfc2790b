/**
 * The Kafka transport of a hub cluster: every accepted update is written to one topic with one partition, every
 * instance reads the whole topic and dispatches each update to its own subscribers, and replays are served from the
 * topic (the newest updates from memory), so a subscriber may reconnect to any instance and get exactly what it
 * missed, in order.
 */
package dev.benchpulse.hub.transport.kafka;
