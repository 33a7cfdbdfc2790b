/**
 * The {@code benchpulse} command-line client: runs benchmarks and reads results from a running Benchpulse through
 * its gateway's HTTP API, whoever started it. It knows nothing of the processes behind the API; starting them on
 * this machine ({@code ./benchpulse up}) is the launcher's job (module {@code launcher}, which depends on this one).
 */
package dev.benchpulse.cli;
