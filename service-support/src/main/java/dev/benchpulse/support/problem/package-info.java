/**
 * RFC 9457 problem responses, one shape for every service: {@link dev.benchpulse.support.problem.ApiProblem}, the
 * exception features throw to refuse a request; {@link dev.benchpulse.support.problem.ProblemAdvice}, the one
 * mapping of controllers' errors; {@link dev.benchpulse.support.problem.ProblemResponses}, the one writer for the
 * filters of every service and of the gateway.
 */
package dev.benchpulse.support.problem;
