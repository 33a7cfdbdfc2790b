package dev.benchpulse.hub.transport;

import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.transport.kafka.KafkaTransport;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the transport ({@code MERCURE_TRANSPORT}): in memory for a hub on its own (the default), or the Kafka topic
 * shared by every instance of a hub cluster. The Kafka transport has read the topic's history when its bean is
 * ready, so the hub serves no subscriber before it knows where each one resumes.
 */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

    @Bean
    Transport transport(HubProperties properties, MeterRegistry meters) {
        return switch (properties.transport()) {
            case MEMORY -> new MemoryTransport(properties);
            case KAFKA -> KafkaTransport.open(properties, meters);
        };
    }
}
