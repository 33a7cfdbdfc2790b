/**
 * The {@code up} command: {@link dev.benchpulse.launcher.up.LaunchCommand} turns its options into settings, a
 * {@link dev.benchpulse.launcher.up.Launch} runs one launch from lock to stop, and the
 * {@link dev.benchpulse.launcher.up.ComponentPlan} says which components it runs, in which stages.
 */
package dev.benchpulse.launcher.up;
