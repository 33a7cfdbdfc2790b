/**
 * The notifier's settings ({@code benchpulse.notifier.*}, {@link dev.benchpulse.notifier.settings.NotifierProperties}),
 * read by every feature; kept out of the wiring package {@code system} so that features do not depend on it.
 */
package dev.benchpulse.notifier.settings;
