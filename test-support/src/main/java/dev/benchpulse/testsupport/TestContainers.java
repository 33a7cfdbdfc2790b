package dev.benchpulse.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Kafka broker and the PostgreSQL server of a {@code -Ptestcontainers} run: the images compose pins
 * ({@link ComposeImages}), started through Testcontainers on first use and shared by the whole test JVM (stopped
 * with it). The same test classes then run against them instead of the embedded broker and zonky's PostgreSQL;
 * {@link DockerRequiredCondition} skips them, with the reason, where no Docker engine answers.
 */
public final class TestContainers {

    /** System property (set by the Maven profile {@code testcontainers}) that selects the containers. */
    public static final String PROPERTY = "benchpulse.test.containers";

    private static Boolean dockerAvailable;
    private static KafkaContainer kafka;
    private static PostgreSQLContainer postgres;

    private TestContainers() {}

    /** Whether this run uses the containers instead of the embedded broker and database. */
    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Whether a Docker engine answers (asked once per JVM). */
    public static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
        }
        return dockerAvailable;
    }

    /** The bootstrap servers of the Kafka container, started on first use. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer(DockerImageName.parse(ComposeImages.of("kafka")));
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    /** The PostgreSQL container, started on first use. */
    static synchronized PostgreSQLContainer postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer(DockerImageName.parse(ComposeImages.of("postgres")));
            postgres.start();
        }
        return postgres;
    }
}
