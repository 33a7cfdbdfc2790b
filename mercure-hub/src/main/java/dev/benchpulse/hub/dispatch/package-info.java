/**
 * Dispatch: the fan-out of each update to the subscribers it is for, one event loop's subscribers at a time, replay
 * from the transport's history, the list of open subscriptions, heartbeats, shutdown, and the metrics of it all.
 */
package dev.benchpulse.hub.dispatch;
