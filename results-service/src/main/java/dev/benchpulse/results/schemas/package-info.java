/**
 * The event schemas for other teams' consumers: every version of every Avro schema the contracts hold, listed
 * and served by the fingerprint that single-object encoding writes before each record. A consumer that meets a
 * fingerprint it does not know fetches the writer schema here (the URL is also in each record's
 * {@code ce_dataschema} header) instead of needing a schema-registry server.
 */
package dev.benchpulse.results.schemas;
