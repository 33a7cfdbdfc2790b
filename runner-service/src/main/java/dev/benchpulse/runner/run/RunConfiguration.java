package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.kafka.TopicClients;
import dev.benchpulse.support.outage.DependencyOutages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the workers: the run-request consumer (its own thread, short poll interval, cooperative rebalancing so a
 * runner joining does not stop the others' runs) and the worker threads it hands runs to, the attempt watch
 * (heartbeats, hung workers), the control-topic reader, the event publisher, and the sample executor (shared with
 * calibration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunProperties.class)
class RunConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RunConfiguration.class);

    @Bean
    SampleExecutor sampleExecutor(ProcessRunner processes, RunProperties properties, MeterRegistry meters) {
        return new SampleExecutor(
                HarnessTemplate.standard(), processes, properties.execution(), new SampleMetrics(meters));
    }

    @Bean
    CancelledRuns cancelledRuns(RunProperties properties, Clock clock) {
        return new CancelledRuns(properties.worker().controlLookback(), clock);
    }

    @Bean
    ControlTopicReader controlTopicReader(
            TopicClients clients, CancelledRuns cancelledRuns, RunProperties properties, Clock clock) {
        return new ControlTopicReader(
                clients.consumerFactory(Topics.RUN_CONTROL),
                cancelledRuns,
                properties.worker().controlLookback(),
                clock,
                properties.resolvedInstanceId());
    }

    @Bean
    RunExecution runExecution(
            Catalog catalog,
            Runtimes runtimes,
            SampleExecutor executor,
            TopicClients clients,
            CancelledRuns cancelledRuns,
            RunMetrics metrics,
            DependencyOutages outages,
            RunProperties properties,
            Clock clock) {
        outages.expect(RunEventPublisher.KAFKA); // a run's events wait for the broker
        String instanceId = properties.resolvedInstanceId();
        return new RunExecution(
                catalog,
                runtimes,
                new SampleLoop(
                        executor, cancelledRuns, instanceId, properties.worker().maxRunDuration()),
                new RunEventPublisher(clients.template(Topics.BENCHMARK_EVENTS)),
                cancelledRuns,
                metrics,
                clock,
                instanceId,
                outages);
    }

    @Bean
    RunMetrics runMetrics(MeterRegistry meters) {
        return new RunMetrics(meters);
    }

    @Bean(destroyMethod = "close")
    RunWorkers runWorkers(
            RunExecution execution,
            CancelledRuns cancelledRuns,
            RunMetrics metrics,
            WorkerSlots slots,
            RunProperties properties) {
        return new RunWorkers(
                execution, cancelledRuns, metrics, slots, properties.worker().resolvedConcurrentRuns());
    }

    @Bean
    AttemptWatch attemptWatch(RunWorkers workers, RunProperties properties) {
        RunProperties.Worker worker = properties.worker();
        return new AttemptWatch(
                workers, worker.heartbeatInterval(), properties.execution().sampleTimeout(), worker.stallTimeout());
    }

    @Bean
    RunRequestConsumer runRequestConsumer(
            KafkaProperties kafka,
            TopicClients clients,
            RunWorkers workers,
            MeterRegistry meters,
            DependencyOutages outages,
            RunProperties properties,
            ObjectProvider<ObservationRegistry> observations) {
        RunProperties.Worker worker = properties.worker();
        String instanceId = properties.resolvedInstanceId();
        log.info(
                "Runner {}: {} concurrent run(s), consuming run requests: {}",
                instanceId,
                worker.resolvedConcurrentRuns(),
                worker.enabled());
        Map<String, Object> config = consumerProperties(kafka, properties);
        return new RunRequestConsumer(
                () -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                Topics.RUN_REQUESTS.name(),
                Topics.RUN_REQUESTS.valueDeserializer(),
                workers,
                new RunRequestDeadLetters(
                        clients.template(Topics.RUN_REQUESTS.deadLetter().orElseThrow()), meters),
                worker.maxAttempts(),
                instanceId,
                worker.enabled(),
                outages,
                kafka.getListener().isObservationEnabled()
                        ? observations.getIfUnique(() -> ObservationRegistry.NOOP)
                        : ObservationRegistry.NOOP,
                meters);
    }

    static Map<String, Object> consumerProperties(KafkaProperties kafka, RunProperties properties) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, RunRequestConsumer.GROUP);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "runner-" + properties.resolvedInstanceId());
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        // One record batch per partition per fetch (requests are sent one by one, so a batch is one request): the
        // consumer then takes its partitions' requests in turn, and a matrix queued on one partition does not hold
        // back the requests queued on the others (request/QueueBalancer).
        consumer.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1);
        consumer.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(
                Integer.MAX_VALUE, properties.worker().maxPollInterval().toMillis()));
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(CooperativeStickyAssignor.class));
        // The consumer thread only talks to Kafka, so a short session is safe: a dead runner's requests move soon.
        Duration session = properties.worker().sessionTimeout();
        consumer.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) session.toMillis());
        consumer.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int)
                session.dividedBy(3).toMillis());
        return consumer;
    }

    @Bean
    WorkerShutdown workerShutdown(CancelledRuns cancelledRuns) {
        return new WorkerShutdown(cancelledRuns);
    }

    @Bean
    WorkerSlots workerSlots(RunProperties properties) {
        RunProperties.Worker worker = properties.worker();
        return new WorkerSlots(
                worker.resolvedConcurrentRuns(), worker.maxWaitingCalibrations(), worker.calibrationWait());
    }
}
