/**
 * Cross-cutting set-up of the results service: its settings, the database transaction, errors as RFC 9457
 * problem details and the OpenAPI description.
 */
package dev.benchpulse.results.system;
