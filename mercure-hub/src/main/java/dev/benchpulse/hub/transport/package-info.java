/**
 * Transport: where accepted updates are kept, in the one order every subscriber sees them, and how they reach the
 * dispatcher and the replay of reconnecting subscribers. In memory for one hub; a log shared by several hubs can take
 * its place without changes to dispatch.
 */
package dev.benchpulse.hub.transport;
