/**
 * The refusals of the results API (unknown ids and names, invalid parameters, a full computation queue), as
 * service-support's {@link dev.benchpulse.support.problem.ApiProblem}, which maps them to RFC 9457 problem details.
 */
package dev.benchpulse.results.problem;
