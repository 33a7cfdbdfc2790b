package dev.benchpulse.results.load;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.testsupport.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ConfigurableApplicationContext;

/** Watches the service: samples stored (its own counter), consumer lag (Kafka admin), rows in the database. */
final class LoadProbe implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(100);

    private final Admin admin;
    private final MeterRegistry meters;
    private final TestPostgres.Database database;
    private final List<TopicPartition> partitions = IntStream.range(0, Topics.BENCHMARK_EVENTS.partitions())
            .mapToObj(p -> new TopicPartition(Topics.BENCHMARK_EVENTS.name(), p))
            .toList();

    LoadProbe(String bootstrap, ConfigurableApplicationContext service, TestPostgres.Database database) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.meters = service.getBean(MeterRegistry.class);
        this.database = database;
    }

    long storedSamples() {
        return (long) meters.counter("benchpulse.results.samples.stored").count();
    }

    /** Waits until {@code target} samples are stored; records the rate of every second in a histogram. */
    Drain awaitStored(long target, Duration timeout) throws InterruptedException {
        Histogram perSecond = new Histogram(3);
        long deadline = System.nanoTime() + timeout.toNanos();
        long windowStart = System.nanoTime();
        long windowCount = storedSamples();
        while (storedSamples() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + storedSamples() + " of " + target + " samples stored");
            }
            Thread.sleep(TICK.toMillis());
            if (System.nanoTime() - windowStart >= 1_000_000_000L) {
                long now = storedSamples();
                perSecond.recordValue(Math.round((now - windowCount) * 1e9 / (System.nanoTime() - windowStart)));
                windowStart = System.nanoTime();
                windowCount = now;
            }
        }
        return new Drain(
                System.nanoTime(),
                perSecond.getTotalCount() == 0
                        ? "under a second"
                        : "min %,d, median %,d, max %,d samples/s over %d s"
                                .formatted(
                                        perSecond.getMinValue(),
                                        perSecond.getValueAtPercentile(50),
                                        perSecond.getMaxValue(),
                                        perSecond.getTotalCount()));
    }

    /** Waits until the consumer group has committed every record of the lifecycle topic; returns how long. */
    Duration awaitNoLag(Duration timeout) throws Exception {
        long start = System.nanoTime();
        while (lag() > 0) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("Consumer lag still " + lag() + " after " + timeout);
            }
            Thread.sleep(TICK.toMillis());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    long lag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("benchpulse-results")
                .partitionsToOffsetAndMetadata()
                .get();
        var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get();
        return partitions.stream()
                .mapToLong(p -> ends.get(p).offset()
                        - (committed.get(p) == null ? 0 : committed.get(p).offset()))
                .sum();
    }

    String writeLatency() {
        Timer write = meters.timer("benchpulse.results.write");
        return "%,d batch writes, mean %.1f ms, max %.1f ms"
                .formatted(write.count(), write.mean(TimeUnit.MILLISECONDS), write.max(TimeUnit.MILLISECONDS));
    }

    /** Fails unless the database holds exactly {@code expected} samples, each (run, iteration) once. */
    void verifyExactlyOnce(long expected) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT count(*), count(DISTINCT (run_id, iteration)) FROM samples")) {
            rs.next();
            System.out.printf(
                    "database: %,d samples, %,d distinct (run, iteration); expected %,d%n",
                    rs.getLong(1), rs.getLong(2), expected);
            if (rs.getLong(1) != expected || rs.getLong(2) != expected) {
                throw new IllegalStateException("The database does not hold every sample exactly once");
            }
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    record Drain(long finishedAt, String rates) {}
}
