package dev.benchpulse.runner.catalog;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog's setting ({@code benchpulse.runner.catalog-dir}).
 *
 * @param catalogDir directory holding one YAML file per benchmark
 */
@ConfigurationProperties("benchpulse.runner")
record CatalogProperties(@DefaultValue("benchmarks") Path catalogDir) {}
