package dev.benchpulse.hub.transport.kafka;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.contracts.kafka.AvroSingleObjectSerializer;
import dev.benchpulse.hub.settings.HubProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The Kafka clients of one hub instance. Consumers read the topic's one partition by assignment, never in a consumer
 * group (a group would split the updates between instances) and never commit: an instance starts from the history it
 * replays, not from where it stopped. The producer is idempotent with {@code acks=all}, as every Benchpulse producer.
 */
final class KafkaClients {

    private final HubProperties.Kafka settings;
    private final String topic;
    private final String clientId =
            "mercure-hub-" + UUID.randomUUID().toString().substring(0, 8);

    KafkaClients(HubProperties.Kafka settings) {
        this.settings = settings;
        this.topic = settings.topic().isBlank() ? Topics.HUB_UPDATES.name() : settings.topic();
    }

    String topic() {
        return topic;
    }

    String clientId() {
        return clientId;
    }

    String bootstrapServers() {
        return settings.bootstrapServers();
    }

    private Map<String, Object> common(String purpose) {
        Map<String, Object> config = new HashMap<>(settings.properties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-" + purpose);
        return config;
    }

    Admin admin() {
        Map<String, Object> config = common("admin");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int)
                settings.startupTimeout().toMillis());
        return Admin.create(config);
    }

    KafkaProducer<String, HubUpdate> producer() {
        Map<String, Object> config = common("producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        config.put(AvroSingleObjectSerializer.SOURCE_CONFIG, "/benchpulse/mercure-hub");
        Serializer<HubUpdate> values = Topics.HUB_UPDATES.valueSerializer();
        values.configure(config, false);
        return new KafkaProducer<>(config, Topics.HUB_UPDATES.keySerializer(), values);
    }

    /** Values stay bytes: each record is decoded on its own, so one bad record is skipped, not the poll. */
    KafkaConsumer<String, byte[]> consumer(String purpose, int maxPollRecords) {
        Map<String, Object> config = common(purpose);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
