/**
 * Errors of the results API as RFC 9457 problem details: the exceptions features throw (unknown ids, invalid
 * parameters, a full computation queue) and their one mapping to responses.
 */
package dev.benchpulse.results.problem;
