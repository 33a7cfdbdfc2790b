/** Cross-cutting configuration of the gateway: problem responses shared by the features. */
package dev.benchpulse.gateway.system;
