/**
 * The life of the components of a launch, whatever they are: prepared once per build (unpacking, class-data training
 * runs), started stage by stage and health-checked by the {@link dev.benchpulse.launcher.supervision.Supervisor}, a
 * component that dies reported with its log and restarted with back-off
 * ({@link dev.benchpulse.launcher.supervision.Supervised}), restarted, killed, stopped or started on request,
 * everything stopped in reverse order; one launcher per state directory.
 */
package dev.benchpulse.launcher.supervision;
