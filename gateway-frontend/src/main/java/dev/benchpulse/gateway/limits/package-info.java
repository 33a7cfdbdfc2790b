/**
 * Rate limits on what costs the machine work or guesses passwords: starting runs, calibrating and signing in, each
 * a token bucket per requester, answered with 429 and {@code Retry-After} when spent.
 */
package dev.benchpulse.gateway.limits;
