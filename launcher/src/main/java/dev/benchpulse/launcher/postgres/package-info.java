/** The stack's PostgreSQL: zonky's binaries run as a process of the stack, or an existing server. */
package dev.benchpulse.launcher.postgres;
