/**
 * Schema versions and their rules: every released version of each schema ({@link SchemaHistory}), the store that
 * resolves a writer schema from its fingerprint ({@link ContractSchemas}), the FULL_TRANSITIVE compatibility
 * check ({@link CompatibilityPolicy}) and the encoders and decoders built on them ({@link AvroCodecs}).
 */
package dev.benchpulse.contracts.schema;
