package dev.benchpulse.runner.system;

import dev.benchpulse.runner.harness.HarnessTemplate;
import dev.benchpulse.runner.process.ProcessRunner;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The runner's settings and the pieces every feature shares: the clock, the process runner, the harness. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunnerProperties.class)
class RunnerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProcessRunner processRunner(RunnerProperties properties) {
        return new ProcessRunner((int) properties.execution().maxOutput().toBytes());
    }

    @Bean
    HarnessTemplate harnessTemplate() {
        return HarnessTemplate.standard();
    }
}
