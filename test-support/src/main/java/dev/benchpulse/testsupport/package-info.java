/**
 * Real test infrastructure for every Benchpulse module. The embedded Kafka broker is spring-kafka-test's global
 * one (one per integration-test JVM, in modules that set {@code integration-tests.embedded-kafka}; root pom) and is
 * wired into every Spring test context by {@link EmbeddedKafkaContextCustomizerFactory}; {@link TestPostgres} runs
 * real PostgreSQL binaries; {@link TopicRecorder} and {@link TopicPublisher} read and write registry topics;
 * {@link SseRecorder} is a real server-sent-events client; {@link Php} and {@link Chromium} find the local tools CI
 * installs, and {@link HeadlessChromium} drives that Chromium for browser tests; {@link PrometheusScrape} reads
 * {@code /actuator/prometheus}. In a {@code -Ptestcontainers} run, the broker and the database are the images compose
 * pins instead ({@link TestContainers}, {@link ComposeImages}), and {@link DockerRequiredCondition} skips the tests
 * where Docker is missing.
 */
package dev.benchpulse.testsupport;
