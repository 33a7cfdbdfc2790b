package dev.benchpulse.notifier.consume;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.notifier.settings.NotifierProperties;
import dev.benchpulse.support.kafka.TopicClients;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * The consumption of the lifecycle events: manual acknowledgments driven by {@link CommitTracker}, and the
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
        return interval <= 0
                ? Disposables.disposed()
                : notifierScheduler.schedulePeriodically(commits::flush, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * The container factory of {@link BenchmarkEventsListener}: manual acknowledgments, and the tracker told of every
     * rebalance so that it forgets partitions this instance no longer owns.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> benchmarkEventsListenerFactory(
            TopicClients clients, DefaultErrorHandler errorHandler, CommitTracker commits) {
        errorHandler.setAckAfterHandle(false);
        return clients.listenerFactory(Topics.BENCHMARK_EVENTS, factory -> {
            ContainerProperties properties = factory.getContainerProperties();
            properties.setAckMode(ContainerProperties.AckMode.MANUAL);
            properties.setPollTimeout(Duration.ofSeconds(1).toMillis());
            properties.setConsumerRebalanceListener(commits);
        });
    }
}
