package dev.benchpulse.runner.system;

import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.run.RunProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pieces every feature shares: the clock, and the process runner that runtime probes and samples run PHP
 * with (its output bound is a sample setting, {@code benchpulse.runner.execution.max-output}).
 */
@Configuration(proxyBeanMethods = false)
class RunnerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProcessRunner processRunner(RunProperties properties) {
        return new ProcessRunner((int) properties.execution().maxOutput().toBytes());
    }
}
