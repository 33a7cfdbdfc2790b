package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.results.settings.ResultsProperties;
import dev.benchpulse.support.kafka.TopicClients;
import dev.benchpulse.support.outage.DependencyOutages;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The listener containers: the lifecycle topic is consumed in batches (offsets committed after the batch is
 * written), run requests one record at a time. Both use the shared dead-letter error handler.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> benchmarkEventsListenerFactory(
            TopicClients clients, ResultsProperties properties, DependencyOutages outages) {
        outages.expect(BenchmarkEventsListener.DATABASE); // the writes of both listeners wait for it
        return clients.listenerFactory(Topics.BENCHMARK_EVENTS, factory -> {
            factory.setBatchListener(true);
            factory.setConcurrency(properties.ingest().concurrency());
            factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        });
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, RunRequested> runRequestsListenerFactory(TopicClients clients) {
        return clients.listenerFactory(Topics.RUN_REQUESTS, factory -> {});
    }
}
