/**
 * Test fixtures other modules use (from this module's test-jar): a real hub started in-process and JWT minting.
 */
package dev.benchpulse.hub.testing;
