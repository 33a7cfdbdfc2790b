package dev.benchpulse.results.load;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.results.ResultsServiceApplication;
import dev.benchpulse.testsupport.TestPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Measures the results service's ingest throughput from the topic into PostgreSQL (docs/performance.md). Not a
 * test: run it with
 * {@code ./mvnw -B -ntp -pl results-service -am -Pperf -DskipTests verify
 * -Dperf.args="--samples 1000000 --runs 500"} (add {@code --bootstrap-servers host:port} to use a running
 * broker instead of an in-process one).
 *
 * <p>It starts a Kafka broker (in process unless given), an embedded PostgreSQL and the service, then:
 * <ol>
 * <li><b>backlog</b>: with the service's consumer stopped, publishes the samples of many concurrent runs, starts
 * the consumer and times how long it takes to store them all: the ingest rate from the topic;</li>
 * <li><b>burst</b>: with the consumer running, publishes the same amount again as fast as it can and times how long
 * the consumer lag takes to get back to zero after the last record is acknowledged.</li>
 * </ol>
 * Records are serialized before a phase starts, so the generator's own work stays out of it. Each phase reports
 * the CPU seconds used by component ({@link CpuAccount}); at the end the program checks that the database holds
 * every sample exactly once and lists the statements PostgreSQL spent its time on.
 */
public final class IngestLoadGenerator {

    private IngestLoadGenerator() {}

    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.parse(args);
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.benchpulse.contracts.avro");
        EmbeddedKafkaKraftBroker broker = null;
        String bootstrap = settings.bootstrapServers();
        if (bootstrap == null) {
            broker = new EmbeddedKafkaKraftBroker(1, Topics.BENCHMARK_EVENTS.partitions());
            broker.afterPropertiesSet();
            bootstrap = broker.getBrokersAsString();
        }
        try (LoadDatabase postgres = new LoadDatabase(settings.postgres());
                ConfigurableApplicationContext service = start(bootstrap, postgres.database());
                LoadProbe probe = new LoadProbe(bootstrap, service, postgres.database());
                LoadPublisher publisher = new LoadPublisher(bootstrap)) {
            MessageListenerContainer consumer = service.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("results-benchmark-events");
            System.out.printf(
                    "Ingest load: %,d samples over %d runs per phase, broker %s; load average %s%n",
                    settings.samples(), settings.runs(), bootstrap, loadAverage());
            System.out.printf("PostgreSQL: %s%n", postgres.settings());
            CpuAccount cpu = new CpuAccount(postgres.postmasterPid());
            warmUp(settings, probe, publisher);
            backlog(settings, consumer, probe, publisher, cpu);
            burst(settings, probe, publisher, cpu);
            probe.verifyExactlyOnce(2L * settings.samples() + settings.warmup());
            System.out.printf(
                    "statements that took the database's time (pg_stat_statements):%n%s", postgres.topStatements(8));
            System.out.printf("load average at the end: %s%n", loadAverage());
        } finally {
            if (broker != null) {
                broker.destroy();
            }
        }
        System.exit(0);
    }

    /** Ingests {@code --warmup} samples, unmeasured, so that the phases run compiled code. */
    private static void warmUp(LoadSettings settings, LoadProbe probe, LoadPublisher publisher) throws Exception {
        if (settings.warmup() > 0) {
            long before = probe.storedSamples();
            publisher.publish(publisher.prepare(settings.warmup(), settings.runs()));
            probe.awaitStored(before + settings.warmup(), Duration.ofMinutes(5));
            probe.awaitNoLag(Duration.ofMinutes(2));
            System.out.printf("warm-up: %,d samples ingested (not measured)%n", settings.warmup());
        }
    }

    private static void backlog(
            LoadSettings settings,
            MessageListenerContainer consumer,
            LoadProbe probe,
            LoadPublisher publisher,
            CpuAccount cpu)
            throws Exception {
        consumer.stop();
        var records = publisher.prepare(settings.samples(), settings.runs());
        Map<String, Double> cpuBefore = cpu.snapshot();
        LoadPublisher.Published published = publisher.publish(records);
        records = null; // let the collector have them while the service works
        Map<String, Double> cpuPublished = cpu.snapshot();
        System.out.printf(
                "backlog: published %,d records in %.1f s (%,.0f records/s)%n",
                published.records(), published.seconds(), published.records() / published.seconds());
        long before = probe.storedSamples();
        long start = System.nanoTime();
        consumer.start();
        LoadProbe.Drain drain = probe.awaitStored(before + settings.samples(), Duration.ofMinutes(10));
        double seconds = (drain.finishedAt() - start) / 1e9;
        System.out.printf(
                "backlog: stored %,d samples in %.1f s: %,.0f samples/s (per-second rate: %s)%n",
                settings.samples(), seconds, settings.samples() / seconds, drain.rates());
        System.out.printf("backlog: CPU while publishing %s%n", CpuAccount.between(cpuBefore, cpuPublished));
        System.out.printf("backlog: CPU while ingesting %s%n", CpuAccount.between(cpuPublished, cpu.snapshot()));
    }

    private static void burst(LoadSettings settings, LoadProbe probe, LoadPublisher publisher, CpuAccount cpu)
            throws Exception {
        var records = publisher.prepare(settings.samples(), settings.runs());
        probe.awaitNoLag(Duration.ofMinutes(2));
        Map<String, Double> cpuBefore = cpu.snapshot();
        long before = probe.storedSamples();
        long start = System.nanoTime();
        LoadPublisher.Published published = publisher.publish(records);
        records = null;
        long lagAtEnd = probe.lag();
        Duration toZero = probe.awaitNoLag(Duration.ofMinutes(10));
        LoadProbe.Drain drain = probe.awaitStored(before + settings.samples(), Duration.ofMinutes(2));
        System.out.printf(
                "burst: published %,d records in %.1f s (%,.0f records/s); lag when the last was "
                        + "acknowledged: %,d records; back to zero %.1f s later%n",
                published.records(),
                published.seconds(),
                published.records() / published.seconds(),
                lagAtEnd,
                toZero.toMillis() / 1e3);
        System.out.printf(
                "burst: %,d samples stored %.1f s after the burst began: %,.0f samples/s%n",
                settings.samples(),
                (drain.finishedAt() - start) / 1e9,
                settings.samples() / ((drain.finishedAt() - start) / 1e9));
        System.out.printf("burst: CPU %s%n", CpuAccount.between(cpuBefore, cpu.snapshot()));
        System.out.printf("database writes: %s%n", probe.writeLatency());
    }

    /** The machine's 1, 5 and 15 minute load averages: other work on the machine skews the figures. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static ConfigurableApplicationContext start(String bootstrap, TestPostgres.Database database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", bootstrap);
        properties.put("spring.r2dbc.url", database.r2dbcUrl());
        properties.put("spring.r2dbc.username", database.username());
        properties.put("spring.r2dbc.password", database.password());
        properties.put("spring.flyway.url", database.jdbcUrl());
        properties.put("spring.flyway.user", database.username());
        properties.put("spring.flyway.password", database.password());
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ResultsServiceApplication.class).run(arguments);
    }
}
