/**
 * RFC 9457 problem responses written outside controllers ({@link dev.benchpulse.support.problem.ProblemResponses}),
 * one writer for the filters of every service and of the gateway.
 */
package dev.benchpulse.support.problem;
