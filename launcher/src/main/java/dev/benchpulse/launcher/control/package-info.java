/**
 * How commands reach a running {@code ./benchpulse up}: its {@link dev.benchpulse.launcher.control.ControlEndpoint}
 * (HTTP on the loopback interface, a random token in an owner-only {@link dev.benchpulse.launcher.control.ControlFile}
 * of the state directory) and the {@link dev.benchpulse.launcher.control.ControlClient} of the commands.
 */
package dev.benchpulse.launcher.control;
