package dev.benchpulse.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.Fixtures;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.avro.GroupMember;
import dev.benchpulse.contracts.avro.RunGroup;
import dev.benchpulse.contracts.avro.RunRequested;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaEvolutionTests {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void current_schema_is_full_transitive_compatible_with_every_released_version(EventType type) {
        List<Schema> history = SchemaHistory.versions(type);

        assertThat(history).as("released versions of " + type).isNotEmpty();
        assertThat(CompatibilityPolicy.fullTransitiveProblems(type.schema(), history))
                .isEmpty();
    }

    @Test
    void fingerprints_have_a_text_form_of_16_hex_digits_most_significant_first() {
        assertThat(ContractSchemas.text(0x0807060504030201L)).isEqualTo("0807060504030201");
        assertThat(ContractSchemas.text(-1L)).isEqualTo("ffffffffffffffff");
        assertThat(ContractSchemas.parseText("FFFFFFFFFFFFFFFF")).contains(-1L);
        assertThat(ContractSchemas.parseText("0807060504030201")).contains(0x0807060504030201L);
        assertThat(ContractSchemas.parseText("0x07060504030201")).isEmpty();
        assertThat(ContractSchemas.parseText("080706050403020")).isEmpty();
        assertThat(ContractSchemas.parseText("08070605040302011")).isEmpty();
        assertThat(ContractSchemas.parseText(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_released_version_is_found_by_its_fingerprint(EventType type) {
        for (Schema version : SchemaHistory.versions(type)) {
            assertThat(ContractSchemas.byFingerprint(ContractSchemas.fingerprint(version)))
                    .contains(version);
        }
        assertThat(ContractSchemas.fingerprint(type)).isEqualTo(ContractSchemas.fingerprint(type.schema()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void current_schema_is_released(EventType type) {
        List<Schema> history = SchemaHistory.versions(type);
        String current = SchemaNormalization.toParsingForm(type.schema());
        String latest = SchemaNormalization.toParsingForm(history.getLast());

        assertThat(current)
                .as(
                        "%s changed since its latest release. Release it by adding %s with this content:%n%s",
                        type,
                        SchemaHistory.location(type, history.size() + 1),
                        type.schema().toString(true))
                .isEqualTo(latest);
    }

    @Test
    void a_breaking_change_is_caught() throws IOException {
        Schema breaking = fixture("/fixtures/BenchmarkProgress-breaking.avsc");

        List<String> problems = CompatibilityPolicy.fullTransitiveProblems(
                breaking, SchemaHistory.versions(EventType.BENCHMARK_PROGRESS));

        assertThat(problems).isNotEmpty();
        assertThat(String.join("\n", problems))
                .contains("cannot read records written with v1")
                .contains("v1 readers cannot read records it writes")
                .contains("timePerOperationNanos")
                .contains("runnerHost");
    }

    @Test
    void adding_an_optional_field_with_a_default_is_allowed() throws IOException {
        Schema evolved = fixture("/fixtures/BenchmarkProgress-compatible.avsc");

        assertThat(CompatibilityPolicy.fullTransitiveProblems(
                        evolved, SchemaHistory.versions(EventType.BENCHMARK_PROGRESS)))
                .isEmpty();
    }

    @Test
    void a_completed_event_of_a_version_1_producer_reads_without_a_sample_count_and_version_1_reads_the_new_one()
            throws IOException {
        Schema v1 = SchemaHistory.versions(EventType.BENCHMARK_COMPLETED).getFirst();
        GenericRecord old = new GenericRecordBuilder(v1)
                .set("eventId", UUID.randomUUID().toString())
                .set("runId", UUID.randomUUID().toString())
                .set("attemptId", UUID.randomUUID().toString())
                .set("sequence", 31)
                .set("occurredAt", 1_700_000_000_000L)
                .set(
                        "benchmark",
                        new GenericRecordBuilder(v1.getField("benchmark").schema())
                                .set("slug", "s")
                                .set("name", "n")
                                .set("category", "c")
                                .build())
                .set(
                        "runtime",
                        new GenericRecordBuilder(v1.getField("runtime").schema())
                                .set("id", "php")
                                .set("phpVersion", "8.2.0")
                                .set("settings", Map.of())
                                .build())
                .set("totalIterations", 30)
                .set("wallTimeMillis", 5_000L)
                .build();
        byte[] written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1)
                .encode(old)
                .array();

        BenchmarkCompleted read = (BenchmarkCompleted)
                AvroCodecs.decoder(EventType.BENCHMARK_COMPLETED).decode(written);
        assertThat(read.getTotalIterations()).isEqualTo(30);
        assertThat(read.getSamplesTaken()).isNull();

        byte[] current = AvroCodecs.encoder(EventType.BENCHMARK_COMPLETED)
                .encode(BenchmarkCompleted.newBuilder(read).setSamplesTaken(30).build())
                .array();
        GenericRecord byOldReader =
                new BinaryMessageDecoder<GenericRecord>(GenericData.get(), v1, ContractSchemas.store()).decode(current);
        assertThat(byOldReader.get("totalIterations")).isEqualTo(30);
        assertThat(byOldReader.getSchema().getField("samplesTaken")).isNull();
    }

    @Test
    void every_event_with_a_second_version_keeps_its_first_in_the_history() {
        assertThat(SchemaHistory.versions(EventType.BENCHMARK_COMPLETED)).hasSize(2);
        assertThat(SchemaHistory.versions(EventType.BENCHMARK_FAILED)).hasSize(2);
        assertThat(SchemaHistory.versions(EventType.RUN_REQUESTED)).hasSize(2);
    }

    @Test
    void a_run_request_of_a_version_1_producer_reads_as_no_matrix_and_no_group_and_version_1_reads_the_new_one()
            throws IOException {
        Schema v1 = SchemaHistory.versions(EventType.RUN_REQUESTED).getFirst();
        String runId = UUID.randomUUID().toString();
        GenericRecord old = new GenericRecordBuilder(v1)
                .set("eventId", UUID.randomUUID().toString())
                .set("runId", runId)
                .set("occurredAt", 1_700_000_000_000L)
                .set("benchmark", "str-contains")
                .set("runtime", "php")
                .set("iterations", 5)
                .set("warmupIterations", null)
                .set("innerIterations", 1000)
                .set("requestedAt", 1_700_000_000_000L)
                .set("requestedBy", "cli")
                .build();
        byte[] written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1)
                .encode(old)
                .array();

        RunRequested read =
                (RunRequested) AvroCodecs.decoder(EventType.RUN_REQUESTED).decode(written);
        assertThat(read.getRunId()).hasToString(runId);
        assertThat(read.getMatrixId()).isNull();
        assertThat(read.getGroup()).isNull();

        UUID member = UUID.randomUUID();
        byte[] current = AvroCodecs.encoder(EventType.RUN_REQUESTED)
                .encode(RunRequested.newBuilder(read)
                        .setMatrixId(UUID.randomUUID())
                        .setGroup(new RunGroup(UUID.randomUUID(), List.of(new GroupMember(member, "php")), 1))
                        .build())
                .array();
        GenericRecord byOldReader =
                new BinaryMessageDecoder<GenericRecord>(GenericData.get(), v1, ContractSchemas.store()).decode(current);
        assertThat(byOldReader.get("benchmark")).hasToString("str-contains");
        assertThat(byOldReader.getSchema().getField("group")).isNull();
    }

    @Test
    void every_known_schema_version_is_in_the_store() {
        for (EventType type : EventType.values()) {
            for (Schema version : SchemaHistory.versions(type)) {
                assertThat(ContractSchemas.byFingerprint(ContractSchemas.fingerprint(version)))
                        .isPresent();
            }
        }
    }

    @Test
    void a_version_1_reader_reads_the_new_runner_lost_reason_as_internal() throws IOException {
        BenchmarkFailed lost = BenchmarkFailed.newBuilder(
                        (BenchmarkFailed) new Fixtures().oneOfEach().get(4))
                .setReason(FailureReason.RUNNER_LOST)
                .setErrorSection(null)
                .setErrorLine(null)
                .build();
        byte[] written =
                AvroCodecs.encoder(EventType.BENCHMARK_FAILED).encode(lost).array();

        Schema v1 = SchemaHistory.versions(EventType.BENCHMARK_FAILED).getFirst();
        GenericRecord read =
                new BinaryMessageDecoder<GenericRecord>(GenericData.get(), v1, ContractSchemas.store()).decode(written);

        assertThat(read.get("reason")).hasToString("INTERNAL");
    }

    private static Schema fixture(String path) throws IOException {
        try (InputStream in = SchemaEvolutionTests.class.getResourceAsStream(path)) {
            return new Schema.Parser().parse(in);
        }
    }
}
