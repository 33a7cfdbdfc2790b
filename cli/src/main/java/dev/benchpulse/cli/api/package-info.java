/**
 * Benchpulse's HTTP API as the command-line client uses it: the agreed JSON shapes as records, and a client that
 * turns every HTTP or connection failure into a message with an exit code.
 */
package dev.benchpulse.cli.api;
