/** Cross-cutting configuration of the gateway, its wiring: the identity token signer. */
package dev.benchpulse.gateway.system;
