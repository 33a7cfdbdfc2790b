/**
 * Active subscriptions: the events announcing that a subscription opened or ended, and the JSON-LD API listing the
 * open ones.
 */
package dev.benchpulse.hub.subscriptions;
