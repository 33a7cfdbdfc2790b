package dev.benchpulse.support.outage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's {@link DependencyOutages} and its health component {@code dependencies}. The WARN line of an
 * outage in progress is repeated every {@code benchpulse.outages.log-interval} (30 s by default).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
public class OutageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DependencyOutages dependencyOutages(
            ObjectProvider<MeterRegistry> registry,
            @Value("${benchpulse.outages.log-interval:30s}") Duration logInterval) {
        return new DependencyOutages(registry.getIfAvailable(SimpleMeterRegistry::new), logInterval);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "dependenciesHealthIndicator")
        HealthIndicator dependenciesHealthIndicator(DependencyOutages outages) {
            return new DependencyOutagesHealthIndicator(outages);
        }
    }
}
