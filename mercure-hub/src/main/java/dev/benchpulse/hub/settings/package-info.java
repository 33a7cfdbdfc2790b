/**
 * The hub's settings ({@code mercure.*}, {@link dev.benchpulse.hub.settings.HubProperties}), read by every feature;
 * kept out of the wiring package {@code system} so that features do not depend on it.
 */
package dev.benchpulse.hub.settings;
