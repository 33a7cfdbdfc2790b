package dev.benchpulse.runner.catalog;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the catalog at start-up. Files with problems are logged (path, field, what is wrong) and left out; the
 * health endpoint's {@code catalog} component lists them too. The service starts with the valid rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    Catalog catalog(CatalogProperties properties, Validator validator) {
        Catalog catalog = new CatalogLoader(validator)
                .load(properties.catalogDir().toAbsolutePath().normalize());
        log.info(
                "Catalog {}: {} benchmarks in {} categories, {} problem(s)",
                catalog.directory(),
                catalog.benchmarks().size(),
                catalog.categoryCount(),
                catalog.problems().size());
        catalog.problems().forEach(problem -> log.error("Catalog file left out: {}", problem));
        return catalog;
    }

    @Bean
    HealthIndicator catalogHealthIndicator(Catalog catalog) {
        List<String> problems =
                catalog.problems().stream().map(CatalogProblem::toString).toList();
        Map<String, Object> details = Map.of(
                "directory", catalog.directory().toString(),
                "benchmarks", catalog.benchmarks().size(),
                "categories", catalog.categoryCount(),
                "problems", problems);
        return () -> Health.up().withDetails(details).build();
    }
}
