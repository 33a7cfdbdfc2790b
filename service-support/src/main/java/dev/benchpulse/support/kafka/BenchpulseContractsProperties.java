package dev.benchpulse.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the services describe their records to other teams' consumers.
 *
 * @param schemaBaseUrl absolute URL under which the event schemas are served by fingerprint (the gateway's
 *                      {@code /api/schemas/}); records then carry their writer schema's URL in the CloudEvents
 *                      {@code ce_dataschema} header. Unset or blank: no such header, for deployments where no
 *                      consumer can reach that URL.
 */
@ConfigurationProperties("benchpulse.contracts")
public record BenchpulseContractsProperties(String schemaBaseUrl) {}
