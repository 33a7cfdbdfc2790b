/**
 * The PEM keys Benchpulse's Mercure JWTs are signed and verified with, read once for the hub, the notifier and the
 * gateway ({@link dev.benchpulse.contracts.keys.PemKeys}).
 */
package dev.benchpulse.contracts.keys;
