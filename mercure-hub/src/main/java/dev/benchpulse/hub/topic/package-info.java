/**
 * Topics and topic selectors: which topics a subscription or a token covers — the wildcard, exact topics and RFC 6570
 * URI templates matched against topics.
 */
package dev.benchpulse.hub.topic;
