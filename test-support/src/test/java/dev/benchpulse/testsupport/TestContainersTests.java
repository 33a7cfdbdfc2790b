package dev.benchpulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** What a {@code -Ptestcontainers} run starts, and what it skips where Docker is missing. */
class TestContainersTests {

    @Nested
    class Images {

        @Test
        void are_the_ones_docker_compose_pins() {
            assertThat(ComposeImages.of("kafka")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
            assertThat(ComposeImages.of("postgres")).startsWith("postgres:17.");
        }

        @Test
        void are_images_the_testcontainers_modules_accept() {
            assertThatCode(() -> new KafkaContainer(DockerImageName.parse(ComposeImages.of("kafka"))))
                    .doesNotThrowAnyException();
            assertThatCode(() -> new PostgreSQLContainer(DockerImageName.parse(ComposeImages.of("postgres"))))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class WithoutDocker {

        private final DockerRequiredCondition containersRun = new DockerRequiredCondition(() -> true, () -> false);

        @Test
        void integration_tests_are_skipped_with_the_reason() {
            ConditionEvaluationResult result =
                    containersRun.evaluateExecutionCondition(testOf(SomethingIntegrationTests.Nested.class));

            assertThat(result.isDisabled()).isTrue();
            assertThat(result.getReason())
                    .hasValueSatisfying(reason -> assertThat(reason)
                            .startsWith("Docker is not available")
                            .contains("-Ptestcontainers", "docker-compose.yml"));
        }

        @Test
        void unit_tests_still_run() {
            assertThat(containersRun
                            .evaluateExecutionCondition(testOf(TestContainersTests.class))
                            .isDisabled())
                    .isFalse();
        }

        @Test
        void nothing_is_skipped_outside_a_containers_run() {
            assertThat(new DockerRequiredCondition(() -> false, () -> false)
                            .evaluateExecutionCondition(testOf(SomethingIntegrationTests.class))
                            .isDisabled())
                    .isFalse();
        }

        private static ExtensionContext testOf(Class<?> type) {
            ExtensionContext context = mock(ExtensionContext.class);
            when(context.getTestClass()).thenReturn(Optional.of(type));
            return context;
        }
    }

    static class SomethingIntegrationTests {

        static class Nested {}
    }
}
