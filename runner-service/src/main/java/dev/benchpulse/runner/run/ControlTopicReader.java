package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads the whole control topic on every runner instance (manual assignment, no consumer group), from the
 * look-back window before start-up onwards, and hands each cancel request to {@link CancelledRuns}. It starts
 * before the run-request consumers and lets them start only once it has caught up, so a request cancelled while
 * queued is not executed.
 * <p>
 * A hand-written poll loop rather than a {@code @KafkaListener}: every instance must read every record (no group),
 * starting from a point in time rather than an offset, and must say when it has caught up with the end of the topic
 * so that the run-request consumers wait for it; listener containers offer none of these three.
 */
class ControlTopicReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ControlTopicReader.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ConsumerFactory<String, RunCancelRequested> consumers;
    private final CancelledRuns cancelledRuns;
    private final Duration lookback;
    private final Clock clock;
    private final String instanceId;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile Consumer<String, RunCancelRequested> consumer;
    private volatile boolean running;
    private Thread thread;

    ControlTopicReader(
            ConsumerFactory<String, RunCancelRequested> consumers,
            CancelledRuns cancelledRuns,
            Duration lookback,
            Clock clock,
            String instanceId) {
        this.consumers = consumers;
        this.cancelledRuns = cancelledRuns;
        this.lookback = lookback;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    @Override
    public void start() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = consumers.createConsumer(null, "runner-control-" + instanceId, null, overrides);
        running = true;
        thread = Thread.ofPlatform().daemon().name("run-control-reader").start(this::read);
        try {
            if (!caughtUp.await(CATCH_UP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The control topic was not read up to its end within {}; starting anyway", CATCH_UP_LIMIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try {
            while (running) {
                try {
                    follow(assignFromLookback());
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    log.warn("Reading the control topic failed ({}); trying again in {}", e.getMessage(), RETRY);
                    Thread.sleep(RETRY);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            caughtUp.countDown();
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void follow(Map<TopicPartition, Long> end) {
        while (running) {
            for (ConsumerRecord<String, RunCancelRequested> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() != null) {
                    cancelledRuns.cancel(record.value());
                } else {
                    // read by every runner without a group: nobody owns it to dead-letter it, but nobody misses it
                    log.error(
                            "Skipped the record at offset {} of {}-{} (run {}): it cannot be decoded, so it cancels "
                                    + "nothing",
                            record.offset(),
                            record.topic(),
                            record.partition(),
                            record.key());
                }
            }
            if (caughtUp.getCount() > 0
                    && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                caughtUp.countDown();
            }
        }
    }

    private Map<TopicPartition, Long> assignFromLookback() {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RUN_CONTROL.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        long since = clock.millis() - lookback.toMillis();
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> since)));
        offsets.forEach((partition, offset) -> {
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        });
        return consumer.endOffsets(partitions);
    }

    @Override
    public void stop() {
        running = false;
        ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the run-request consumer ({@code Integer.MAX_VALUE - 100}), so cancellations are known first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
