/**
 * The life of the local stack: components prepared once per build (unpacking, class-data training runs), started
 * stage by stage and health-checked, a component that dies reported with its log, everything stopped in reverse
 * order; one launcher per state directory.
 */
package dev.benchpulse.launcher.launch;
