/**
 * Talking to the Mercure hub with standard publish requests only (a form-encoded POST with a publisher JWT as
 * bearer token), so any hub that speaks the protocol works: ours or the reference one. Tokens are minted from
 * configured key material and renewed before they expire; requests have timeouts and bounded retries with
 * exponential back-off and jitter over a pool of kept-alive connections.
 */
package dev.benchpulse.notifier.hub;
