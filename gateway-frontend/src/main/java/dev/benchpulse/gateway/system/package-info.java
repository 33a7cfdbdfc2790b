/** Cross-cutting configuration of the gateway: problem responses shared by the features, the identity token signer. */
package dev.benchpulse.gateway.system;
