package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.kafka.TopicClients;
import dev.benchpulse.support.outage.DependencyOutages;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Wires the workers: the run-request consumers (one consumer thread per concurrent run, manual acknowledgement,
 * one record per poll, a poll interval longer than the longest allowed run), the control-topic reader, the event
 * publisher, and the sample executor (shared with calibration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunProperties.class)
class RunConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RunConfiguration.class);

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, RunRequested> runRequestsListenerFactory(TopicClients clients,
            RunProperties properties) {
        RunProperties.Worker worker = properties.worker();
        int concurrency = Math.min(worker.resolvedConcurrentRuns(), Topics.RUN_REQUESTS.partitions());
        log.info("Runner {}: {} concurrent run(s), consuming run requests: {}", properties.resolvedInstanceId(),
                concurrency, worker.enabled());
        return clients.listenerFactory(Topics.RUN_REQUESTS, factory -> {
            factory.setConcurrency(concurrency);
            factory.setAutoStartup(worker.enabled());
            // Into the consumer factory (a fresh one per listener factory), not the container properties: a listener
            // container factory does not pass its container properties' kafkaConsumerProperties on to the containers
            // it creates (spring-kafka GH-1808), so set there they would be silently ignored and a new group start at
            // the latest offset, skipping every request published before it first joined.
            factory.getConsumerFactory().updateConfigs(consumerConfigs(properties));
            ContainerProperties container = factory.getContainerProperties();
            container.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
            container.setClientId("runner-" + properties.resolvedInstanceId());
        });
    }

    /** The run-request consumers' own settings; package-visible so a test can build a consumer like a worker's. */
    static Map<String, Object> consumerConfigs(RunProperties properties) {
        Duration longestPoll = properties.worker().maxRunDuration()
                .plus(properties.execution().sampleTimeout()).plusMinutes(5);
        return Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                // One record batch per partition per fetch (requests are sent one by one, so a batch is one
                // request): the consumer then takes its partitions' requests in turn, and a matrix queued on one
                // partition does not hold back the requests queued on the others (request/QueueBalancer).
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, longestPoll.toMillis()),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    @Bean
    SampleExecutor sampleExecutor(ProcessRunner processes, RunProperties properties, MeterRegistry meters) {
        return new SampleExecutor(HarnessTemplate.standard(), processes, properties.execution(),
                new SampleMetrics(meters));
    }

    @Bean
    CancelledRuns cancelledRuns(RunProperties properties, Clock clock) {
        return new CancelledRuns(properties.worker().controlLookback(), clock);
    }

    @Bean
    ControlTopicReader controlTopicReader(TopicClients clients, CancelledRuns cancelledRuns,
            RunProperties properties, Clock clock) {
        return new ControlTopicReader(clients.consumerFactory(Topics.RUN_CONTROL), cancelledRuns,
                properties.worker().controlLookback(), clock, properties.resolvedInstanceId());
    }

    @Bean
    RunExecution runExecution(Catalog catalog, Runtimes runtimes, SampleExecutor executor, TopicClients clients,
            CancelledRuns cancelledRuns, MeterRegistry meters, RunProperties properties, Clock clock,
            DependencyOutages outages) {
        outages.expect(RunEventPublisher.KAFKA); // a run's events wait for the broker
        String instanceId = properties.resolvedInstanceId();
        return new RunExecution(catalog, runtimes,
                new SampleLoop(executor, cancelledRuns, instanceId, properties.worker().maxRunDuration()),
                new RunEventPublisher(clients.template(Topics.BENCHMARK_EVENTS)), cancelledRuns,
                new RunMetrics(meters), clock, instanceId);
    }

    @Bean
    WorkerShutdown workerShutdown(CancelledRuns cancelledRuns) {
        return new WorkerShutdown(cancelledRuns);
    }

    @Bean
    WorkerSlots workerSlots(RunProperties properties) {
        RunProperties.Worker worker = properties.worker();
        return new WorkerSlots(worker.resolvedConcurrentRuns(), worker.maxWaitingCalibrations(),
                worker.calibrationWait());
    }

    @Bean
    RunRequestListener runRequestListener(RunExecution execution, WorkerSlots slots) {
        return new RunRequestListener(execution, slots);
    }
}
