/**
 * Cross-cutting set-up of the runner: its settings, shared beans, the mapping of errors to problem details, and
 * the OpenAPI description.
 */
package dev.benchpulse.runner.system;
