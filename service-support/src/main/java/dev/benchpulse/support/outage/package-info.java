/**
 * Outages of the dependencies a service needs (PostgreSQL, Kafka, the Mercure hub): while one lasts, the work that
 * needs it waits and is retried, health reports DOWN with the reason, meters count the outage and its duration,
 * and a WARN line is logged once per interval rather than once per failed attempt.
 */
package dev.benchpulse.support.outage;
