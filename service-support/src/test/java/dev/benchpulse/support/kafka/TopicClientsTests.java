package dev.benchpulse.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.kafka.AvroSingleObjectSerializer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TopicClientsTests {

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BenchpulseKafkaAutoConfiguration.class, KafkaAutoConfiguration.class))
            .withPropertyValues("benchpulse.kafka.create-topics=false", "spring.kafka.admin.auto-create=false",
                    "spring.application.name=support-test");

    @Test
    void producers_name_the_writer_schema_url_when_a_schema_base_url_is_configured() {
        services.withPropertyValues("benchpulse.contracts.schema-base-url=http://localhost:8080/api/schemas/")
                .run(context -> assertThat(context.getBean(TopicClients.class).producerProperties())
                        .containsEntry(AvroSingleObjectSerializer.SCHEMA_BASE_URL_CONFIG,
                                "http://localhost:8080/api/schemas/")
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
}
