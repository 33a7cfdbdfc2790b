/**
 * The {@code status} command: the running launcher's components, as a table or JSON
 * ({@link dev.benchpulse.launcher.status.StatusCommand}).
 */
package dev.benchpulse.launcher.status;
