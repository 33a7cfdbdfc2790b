package dev.benchpulse.support.kafka;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.support.outage.DependencyOutages;
import dev.benchpulse.support.outage.OutageAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Wires {@link TopicClients}, the error handler (dead letters for bad records, waiting out outages for the rest)
 * and the registry topics into every service that has this module and Kafka on its class path (the gateway uses
 * this module without Kafka).
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = OutageAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties({BenchpulseKafkaProperties.class, BenchpulseContractsProperties.class})
public class BenchpulseKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutageTracking kafkaOutageTracking(ObjectProvider<DependencyOutages> outages) {
        return new OutageTracking(
                outages.getIfAvailable(() -> new DependencyOutages(new SimpleMeterRegistry(), Duration.ofSeconds(30))));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetterErrorHandler(
            KafkaProperties kafka,
            BenchpulseKafkaProperties properties,
            BenchpulseContractsProperties contracts,
            ObjectProvider<MeterRegistry> registry,
            OutageTracking outageTracking,
            @Value("${spring.application.name:benchpulse}") String application) {
        return DeadLetterErrorHandlers.create(
                new TopicClients(kafka, null, source(application), contracts.schemaBaseUrl()), properties,
                new DeadLetterLog(registry.getIfAvailable(SimpleMeterRegistry::new)), outageTracking);
    }

    @Bean
    @ConditionalOnMissingBean
    TopicClients topicClients(
            KafkaProperties kafka,
            CommonErrorHandler errorHandler,
            BenchpulseContractsProperties contracts,
            OutageTracking outageTracking,
            @Value("${spring.application.name:benchpulse}") String application,
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<MeterRegistry> meters) {
        TopicClients clients =
                new TopicClients(kafka, errorHandler, source(application), contracts.schemaBaseUrl(), outageTracking);
        clients.instrument(new KafkaInstrumentation(
                observations.getIfUnique(() -> ObservationRegistry.NOOP), meters.getIfUnique()));
        return clients;
    }

    @Bean
    @ConditionalOnProperty(name = "benchpulse.kafka.create-topics", matchIfMissing = true)
    KafkaAdmin.NewTopics benchpulseTopics(BenchpulseKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.allWithDeadLetters().stream()
                .map(topic -> newTopic(topic, properties.replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic newTopic(Topic<?, ?> topic, short replicationFactor) {
        return TopicBuilder.name(topic.name())
                .partitions(topic.partitions())
                .replicas(replicationFactor)
                .build();
    }

    private static String source(String application) {
        return "/benchpulse/" + application;
    }
}
