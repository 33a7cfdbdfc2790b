/**
 * Dispatch: the open subscriptions, the fan-out of each update to the subscribers it is for, replay from history,
 * heartbeats, and the metrics of it all.
 */
package dev.benchpulse.hub.dispatch;
