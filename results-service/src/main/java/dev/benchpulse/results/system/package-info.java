/**
 * Cross-cutting set-up of the results service, its wiring: the database, its transaction and codecs, and the
 * OpenAPI description.
 */
package dev.benchpulse.results.system;
