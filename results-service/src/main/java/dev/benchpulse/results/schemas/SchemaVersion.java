package dev.benchpulse.results.schemas;

/**
 * One released version of an event schema, as listed by {@code GET /api/schemas}.
 *
 * @param name        the record's full name, e.g. {@code dev.benchpulse.contracts.avro.BenchmarkProgress}
 * @param type        the CloudEvents {@code ce_type} records of this schema travel with
 * @param version     1-based release number of the schema (FULL_TRANSITIVE compatible with every other version)
 * @param latest      whether this is the version the current producers write
 * @param fingerprint CRC-64-AVRO fingerprint of its parsing canonical form as 16 lower-case hex digits, the value
 *                    that follows {@code C3 01} on the wire (written there little-endian)
 * @param url         where the schema JSON is served, relative to the API's origin
 */
record SchemaVersion(String name, String type, int version, boolean latest, String fingerprint, String url) {}
