/**
 * Refusals as RFC 9457 {@code application/problem+json}: the exception features throw
 * ({@link dev.benchpulse.hub.problem.HubException}) and its one mapping to responses. The hub keeps its own: it is a
 * standalone module that depends on contracts alone, not on service-support.
 */
package dev.benchpulse.hub.problem;
