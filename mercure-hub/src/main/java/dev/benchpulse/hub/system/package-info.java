/** Cross-cutting set-up of the hub, its wiring: Netty, CORS, the discovery links, form reading and observation. */
package dev.benchpulse.hub.system;
