/** Publishing: publishers send updates to the hub, which checks their token and dispatches the updates. */
package dev.benchpulse.hub.publish;
