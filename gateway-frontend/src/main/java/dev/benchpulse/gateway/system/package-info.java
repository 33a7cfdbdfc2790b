/** Cross-cutting configuration of the gateway: problem responses shared by the features, connection handling. */
package dev.benchpulse.gateway.system;
