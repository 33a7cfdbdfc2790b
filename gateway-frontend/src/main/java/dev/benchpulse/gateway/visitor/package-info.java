/**
 * Who is on the other end of a request ({@link dev.benchpulse.gateway.visitor.Visitors}): what security establishes
 * and what routing, limits and the dashboard read, in a package of its own so that none of them depends on another
 * for it.
 */
package dev.benchpulse.gateway.visitor;
