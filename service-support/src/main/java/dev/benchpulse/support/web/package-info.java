/** HTTP server settings the WebFlux services share. */
package dev.benchpulse.support.web;
