/**
 * What lets an operator follow one run through the services: its id in the logs and on the spans of its trace.
 */
package dev.benchpulse.support.observability;
