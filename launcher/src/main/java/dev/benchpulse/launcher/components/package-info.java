/**
 * The commands on one component of the running stack: {@code restart}, {@code kill} (SIGKILL, for fault drills),
 * {@code stop} and {@code start}, each carried out by the launcher through its control endpoint.
 */
package dev.benchpulse.launcher.components;
