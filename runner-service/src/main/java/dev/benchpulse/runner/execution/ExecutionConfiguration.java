package dev.benchpulse.runner.execution;

import dev.benchpulse.runner.harness.HarnessTemplate;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.system.RunnerProperties;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sample executor, shared by run workers and calibration. */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    @Bean
    SampleExecutor sampleExecutor(HarnessTemplate template, ProcessRunner processes, RunnerProperties properties,
            MeterRegistry meters) {
        return new SampleExecutor(template, processes, properties.execution(), new SampleMetrics(meters));
    }
}
