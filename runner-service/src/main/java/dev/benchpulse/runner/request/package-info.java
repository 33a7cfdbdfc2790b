/**
 * Run requests over HTTP: validated at the edge against the catalog and the runtimes, then published as commands
 * ({@code RunRequested}, {@code RunCancelRequested}) for the runner workers.
 */
package dev.benchpulse.runner.request;
