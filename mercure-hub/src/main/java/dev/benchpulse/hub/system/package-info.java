/** Cross-cutting set-up of the hub: configuration properties, start-up checks, Netty, CORS and error responses. */
package dev.benchpulse.hub.system;
