/** Subscribing: the event stream a subscriber opens to receive the updates of the topics it selects. */
package dev.benchpulse.hub.subscribe;
