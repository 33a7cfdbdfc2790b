package dev.benchpulse.notifier.consume;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.notifier.relay.RunRelays;
import dev.benchpulse.notifier.system.NotifierProperties;
import dev.benchpulse.support.kafka.TopicClients;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * The listener container of the lifecycle events: manual acknowledgments driven by {@link CommitTracker}, and the
 * shared dead-letter error handler told not to commit by itself: its commit of a record it parked on the dead-letter
 * topic would pass over earlier events whose updates are not delivered yet. A parked record's offset is committed
 * with the next event of its partition that settles.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    @Bean
    CommitTracker commitTracker(NotifierProperties properties) {
        Duration interval = properties.consumer().commitInterval();
        return new CommitTracker(properties.consumer().maxUncommittedPerPartition(), interval.isPositive());
    }

    /** Acknowledges delivered offsets on the commit interval (nothing to schedule when it is 0). */
    @Bean(destroyMethod = "dispose")
    Disposable commitFlushes(NotifierProperties properties, CommitTracker commits, Scheduler notifierScheduler) {
        long interval = properties.consumer().commitInterval().toMillis();
        return interval <= 0 ? Disposables.disposed()
                : notifierScheduler.schedulePeriodically(commits::flush, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, SpecificRecord> benchmarkEventsContainer(TopicClients clients,
            DefaultErrorHandler errorHandler, CommitTracker commits, RunRelays relays) {
        errorHandler.setAckAfterHandle(false);
        ConcurrentMessageListenerContainer<String, SpecificRecord> container = clients
                .listenerFactory(Topics.BENCHMARK_EVENTS, factory -> {
                    ContainerProperties properties = factory.getContainerProperties();
                    properties.setAckMode(ContainerProperties.AckMode.MANUAL);
                    properties.setPollTimeout(Duration.ofSeconds(1).toMillis());
                    properties.setConsumerRebalanceListener(commits);
                })
                .createContainer(Topics.BENCHMARK_EVENTS.name());
        container.setupMessageListener(new BenchmarkEventsListener(relays, commits));
        commits.gate(new PartitionGate(container::pausePartition, container::resumePartition));
        return container;
    }
}
