/**
 * The results service's settings ({@code benchpulse.results.*},
 * {@link dev.benchpulse.results.settings.ResultsProperties}), read by the features; kept out of the wiring package
 * {@code system} so that features do not depend on it.
 */
package dev.benchpulse.results.settings;
