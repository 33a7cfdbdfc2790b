/**
 * Authorization: where a client's JWS is found, how it is verified (HMAC secret, public key or JWK Set) and what its
 * {@code mercure} claim allows it to publish and receive.
 */
package dev.benchpulse.hub.auth;
