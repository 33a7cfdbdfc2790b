/**
 * Routing the public API and the live-update stream: which requests go to the runner, which to the results
 * service, which to the Mercure hub, and what a visitor sees when one of them is down.
 */
package dev.benchpulse.gateway.routing;
