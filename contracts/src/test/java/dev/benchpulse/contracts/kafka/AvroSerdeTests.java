package dev.benchpulse.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.Fixtures;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.schema.ContractSchemas;
import dev.benchpulse.contracts.web.RunTopics;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AvroSerdeTests {

    private final Fixtures fixtures = new Fixtures();

    private final Serializer<SpecificRecord> serializer = new AvroSingleObjectSerializer<>();
    private final Deserializer<SpecificRecord> deserializer = new AvroSingleObjectDeserializer<>();

    @Test
    void every_event_type_round_trips_in_single_object_encoding() {
        for (SpecificRecord event : fixtures.oneOfEach()) {
            byte[] bytes = serializer.serialize("t", event);

            assertThat(bytes[0]).isEqualTo((byte) 0xC3);
            assertThat(bytes[1]).isEqualTo((byte) 0x01);
            assertThat(deserializer.deserialize("t", bytes)).isEqualTo(event);
        }
    }

    @Test
    void writes_the_cloud_events_headers_of_the_event() {
        serializer.configure(Map.of(AvroSingleObjectSerializer.SOURCE_CONFIG, "/benchpulse/test"), false);
        BenchmarkStarted started = (BenchmarkStarted) fixtures.oneOfEach().get(1);
        RecordHeaders headers = new RecordHeaders();

        serializer.serialize("t", headers, started);

        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_id")).isEqualTo(started.getEventId().toString());
        assertThat(header(headers, "ce_source")).isEqualTo("/benchpulse/test");
        assertThat(header(headers, "ce_type")).isEqualTo("dev.benchpulse.benchmark.started");
        assertThat(header(headers, "ce_time")).isEqualTo(started.getOccurredAt().toString());
        assertThat(header(headers, "ce_subject")).isEqualTo(started.getRunId().toString());
        assertThat(header(headers, "content-type")).isEqualTo("application/avro");
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.DATA_SCHEMA))
                .isEmpty();
    }

    @Test
    void a_hub_update_round_trips_on_its_topic_with_its_own_id_and_canonical_topic_in_the_headers() {
        HubUpdate update = fixtures.hubUpdate();
        Serializer<HubUpdate> values = Topics.HUB_UPDATES.valueSerializer();
        values.configure(Map.of(AvroSingleObjectSerializer.SOURCE_CONFIG, "/benchpulse/mercure-hub"), false);
        RecordHeaders headers = new RecordHeaders();

        byte[] bytes = values.serialize(Topics.HUB_UPDATES.name(), headers, update);

        assertThat(Topics.HUB_UPDATES.valueDeserializer().deserialize(Topics.HUB_UPDATES.name(), bytes))
                .isEqualTo(update);
        assertThat(header(headers, "ce_id")).isEqualTo(update.getId()).startsWith("urn:uuid:");
        assertThat(header(headers, "ce_type")).isEqualTo("dev.benchpulse.hub.update");
        assertThat(header(headers, "ce_subject")).isEqualTo(RunTopics.of(fixtures.run));
        assertThat(header(headers, "ce_time")).isEqualTo(update.getOccurredAt().toString());
    }

    @Test
    void a_hub_update_without_a_topic_is_refused_with_a_reason() {
        HubUpdate update = HubUpdate.newBuilder(fixtures.hubUpdate())
                .setTopics(java.util.List.of())
                .build();

        assertThatThrownBy(() -> Topics.HUB_UPDATES.valueSerializer().serialize("t", new RecordHeaders(), update))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no topic");
    }

    @Test
    void names_the_writer_schema_url_in_ce_dataschema_when_a_base_url_is_configured() {
        serializer.configure(
                Map.of(AvroSingleObjectSerializer.SCHEMA_BASE_URL_CONFIG, "http://localhost:8080/api/schemas"), false);
        SpecificRecord progress = fixtures.oneOfEach().get(2);
        RecordHeaders headers = new RecordHeaders();

        byte[] bytes = serializer.serialize("t", headers, progress);

        long written =
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(header(headers, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo("http://localhost:8080/api/schemas/" + ContractSchemas.text(written))
                .endsWith("/" + ContractSchemas.text(ContractSchemas.fingerprint(EventType.BENCHMARK_PROGRESS)));
    }

    @Test
    void refuses_a_schema_base_url_that_is_not_absolute() {
        assertThatThrownBy(() -> serializer.configure(
                        Map.of(AvroSingleObjectSerializer.SCHEMA_BASE_URL_CONFIG, "/api/schemas/"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absolute URL");
    }

    @Test
    void shared_fields_are_readable_without_knowing_the_type() {
        SpecificRecord progress = fixtures.oneOfEach().get(2);

        assertThat(Events.runId(progress)).isEqualTo(fixtures.run);
        assertThat(Events.attemptId(progress)).contains(fixtures.attempt);
        assertThat(Events.sequence(progress)).contains(1);
        assertThat(Events.attemptId(fixtures.oneOfEach().getFirst())).isEmpty();
    }

    @Nested
    class Rejects {

        @Test
        void an_unknown_fingerprint_naming_it_and_the_topic() {
            byte[] bytes = serializer.serialize("t", fixtures.oneOfEach().get(1));
            for (int i = 2; i < 10; i++) {
                bytes[i] = (byte) 0xAB;
            }

            assertThatThrownBy(() -> deserializer.deserialize(Topics.BENCHMARK_EVENTS.name(), bytes))
                    .isInstanceOf(UnknownSchemaException.class)
                    .hasMessageContaining("0xabababababababab")
                    .hasMessageContaining(Topics.BENCHMARK_EVENTS.name())
                    .satisfies(e -> assertThat(((UnknownSchemaException) e).fingerprint())
                            .isEqualTo(0xABABABABABABABABL));
        }

        @Test
        void bytes_that_are_not_single_object_encoded() {
            byte[] json = "{\"runId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> deserializer.deserialize("some.topic", json))
                    .isInstanceOf(UnknownSchemaException.class)
                    .hasMessageContaining("some.topic")
                    .hasMessageContaining("not Avro single-object encoded");
        }

        @Test
        void a_known_type_on_a_topic_that_does_not_carry_it() {
            byte[] started = serializer.serialize("t", fixtures.oneOfEach().get(1));
            Deserializer<RunRequested> requests = Topics.RUN_REQUESTS.valueDeserializer();

            assertThatThrownBy(() -> requests.deserialize(Topics.RUN_REQUESTS.name(), started))
                    .isInstanceOf(UnknownSchemaException.class)
                    .hasMessageContaining("BENCHMARK_STARTED")
                    .hasMessageContaining(Topics.RUN_REQUESTS.name());
        }

        @Test
        void writing_a_type_to_a_topic_that_does_not_carry_it() {
            Serializer<SpecificRecord> events = Topics.BENCHMARK_EVENTS.valueSerializer();

            assertThatThrownBy(() -> events.serialize("t", fixtures.oneOfEach().getFirst()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(EventType.RUN_REQUESTED.name());
        }
    }

    private static String header(RecordHeaders headers, String name) {
        return CloudEventHeaders.read(headers, name).orElseThrow();
    }
}
