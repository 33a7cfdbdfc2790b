package dev.benchpulse.notifier.hub;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.notifier.metrics.NotifierMetrics;
import dev.benchpulse.notifier.relay.UpdatePublisher;
import dev.benchpulse.notifier.settings.NotifierProperties;
import dev.benchpulse.support.kafka.TopicClients;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publisher for a hub cluster ({@code benchpulse.notifier.hub.transport=kafka}): updates go straight to the
 * cluster's topic, batched by the producer for {@code benchpulse.notifier.hub.linger}. No publisher JWT is needed:
 * writing to the topic is the trust boundary.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "benchpulse.notifier.hub.transport", havingValue = "kafka")
class HubTopicConfiguration {

    @Bean(destroyMethod = "destroy")
    KafkaTemplate<String, HubUpdate> hubUpdates(TopicClients clients, NotifierProperties properties) {
        KafkaTemplate<String, HubUpdate> template = clients.template(Topics.HUB_UPDATES);
        template.getProducerFactory().updateConfigs(Map.of(ProducerConfig.LINGER_MS_CONFIG, (int)
                properties.hub().linger().toMillis()));
        return template;
    }

    @Bean
    UpdatePublisher hubTopicPublisher(
            KafkaTemplate<String, HubUpdate> hubUpdates,
            JsonMapper json,
            Scheduler notifierScheduler,
            NotifierMetrics metrics) {
        return new HubTopicPublisher(hubUpdates, json, notifierScheduler, metrics);
    }
}
