package dev.benchpulse.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.kafka.AvroSingleObjectSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;

class TopicClientsTests {

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(BenchpulseKafkaAutoConfiguration.class, KafkaAutoConfiguration.class))
            .withPropertyValues(
                    "benchpulse.kafka.create-topics=false",
                    "spring.kafka.admin.auto-create=false",
                    "spring.application.name=support-test");

    @Test
    void producers_name_the_writer_schema_url_when_a_schema_base_url_is_configured() {
        services.withPropertyValues("benchpulse.contracts.schema-base-url=http://localhost:8080/api/schemas/")
                .run(context -> assertThat(context.getBean(TopicClients.class).producerProperties())
                        .containsEntry(
                                AvroSingleObjectSerializer.SCHEMA_BASE_URL_CONFIG, "http://localhost:8080/api/schemas/")
                        .containsEntry(AvroSingleObjectSerializer.SOURCE_CONFIG, "/benchpulse/support-test"));
    }

    @Test
    void producers_set_no_schema_url_when_none_or_a_blank_one_is_configured() {
        services.run(context -> assertThat(context.getBean(TopicClients.class).producerProperties())
                .doesNotContainKey(AvroSingleObjectSerializer.SCHEMA_BASE_URL_CONFIG));
        services.withPropertyValues("benchpulse.contracts.schema-base-url=")
                .run(context -> assertThat(context.getBean(TopicClients.class).producerProperties())
                        .doesNotContainKey(AvroSingleObjectSerializer.SCHEMA_BASE_URL_CONFIG));
    }

    @Test
    void consumer_meters_carry_the_consumer_group_so_lag_can_be_shown_per_group() {
        services.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            TopicClients clients = context.getBean(TopicClients.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            try (Consumer<?, ?> grouped =
                            clients.consumerFactory(Topics.RUN_REQUESTS).createConsumer("benchpulse-test", "grouped");
                    Consumer<?, ?> assigned =
                            clients.consumerFactory(Topics.RUN_CONTROL).createConsumer(null, "assigned")) {
                assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max")
                                .tag("group", "benchpulse-test")
                                .gauges())
                        .isNotEmpty();
                assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max")
                                .tag("group", ConsumerGroupMetrics.NO_GROUP)
                                .gauges())
                        .isNotEmpty();
            }
        });
    }

    @Test
    void templates_and_listener_containers_are_observed_as_spring_boot_s_kafka_settings_say() {
        services.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withPropertyValues(
                        "spring.kafka.template.observation-enabled=true",
                        "spring.kafka.listener.observation-enabled=true")
                .run(context -> {
                    TopicClients clients = context.getBean(TopicClients.class);
                    ConcurrentKafkaListenerContainerFactory<?, ?> listeners =
                            clients.listenerFactory(Topics.RUN_REQUESTS, factory -> {});
                    assertThat(listeners.getContainerProperties().isObservationEnabled())
                            .isTrue();
                    assertThat(listeners.getContainerProperties().getObservationRegistry())
                            .isSameAs(context.getBean(ObservationRegistry.class));
                    KafkaTemplate<?, ?> template = clients.template(Topics.RUN_REQUESTS);
                    assertThat(template).extracting("observationEnabled").isEqualTo(true);
                });
        services.run(context -> assertThat(context.getBean(TopicClients.class)
                        .listenerFactory(Topics.RUN_REQUESTS, factory -> {})
                        .getContainerProperties()
                        .isObservationEnabled())
                .isFalse());
    }
}
