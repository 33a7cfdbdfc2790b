package dev.benchpulse.runner.runtime;

import dev.benchpulse.runner.process.ProcessRunner;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The runtimes, probed at start-up, the watcher that picks up PHP versions installed later, and their health: up
 * with each runtime's state in the details.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RuntimeProperties.class)
class RuntimeConfiguration {

    @Bean
    Runtimes runtimes(RuntimeProperties properties, ProcessRunner processes, Clock clock) {
        return new Runtimes(properties, processes, clock);
    }

    @Bean
    InstalledVersionsWatcher installedVersionsWatcher(Runtimes runtimes, RuntimeProperties properties) {
        return new InstalledVersionsWatcher(runtimes, properties.installed().rescanInterval());
    }

    @Bean
    HealthIndicator runtimesHealthIndicator(Runtimes runtimes) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            runtimes.all()
                    .forEach(r -> details.put(
                            r.id(),
                            r.available()
                                    ? "PHP " + r.phpVersion() + (r.jit() ? " (JIT on)" : "")
                                            + (r.reason() == null ? "" : "; " + r.reason())
                                    : "unavailable: " + r.reason()));
            return Health.up().withDetails(details).build();
        };
    }
}
