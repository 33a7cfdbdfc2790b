package dev.benchpulse.runner.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Fair queueing of run requests over the request topic's partitions. Each partition is a queue, and every runner
 * takes one request at a time from its partitions in turn; a request goes to the partition with the fewest
 * requests waiting (the runners' consumer group's lag), and all runs of one request go to the same one. So a big
 * matrix fills one queue while other users' requests go to the others, and a request made after a matrix waits for
 * at most one of the matrix's runs (or groups) per busy queue, not for the whole matrix. The lag is read from the
 * broker at most every {@code refresh}; requests placed since are counted here.
 */
class QueueBalancer {

    private static final Logger log = LoggerFactory.getLogger(QueueBalancer.class);

    private final Admin admin;
    private final String topic;
    private final int partitions;
    private final String group;
    private final Clock clock;
    private final Duration refresh;
    private Map<Integer, Long> waiting = Map.of();
    private final Map<Integer, Long> placedSince = new HashMap<>();
    private Instant readAt = Instant.MIN;

    QueueBalancer(Admin admin, String topic, int partitions, String group, Clock clock, Duration refresh) {
        this.admin = admin;
        this.topic = topic;
        this.partitions = partitions;
        this.group = group;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The partition for a request of {@code records} runs; empty (any partition) when the lag cannot be read. */
    Mono<Integer> place(int records) {
        Mono<Void> fresh = readAt.plus(refresh).isAfter(clock.instant()) ? Mono.empty() : read();
        return fresh.then(Mono.fromSupplier(() -> choose(records))).onErrorResume(e -> {
            log.warn("Cannot read the run-request queue lengths ({}); the request goes to any partition", e.toString());
            return Mono.empty();
        });
    }

    private synchronized int choose(int records) {
        int best = IntStream.range(0, partitions)
                .boxed()
                .min((a, b) -> Long.compare(length(a), length(b)))
                .orElse(0);
        placedSince.merge(best, (long) records, Long::sum);
        return best;
    }

    private long length(int partition) {
        return waiting.getOrDefault(partition, 0L) + placedSince.getOrDefault(partition, 0L);
    }

    /** Requests waiting per partition: end offset minus the runners' committed offset (or the start offset). */
    private Mono<Void> read() {
        List<TopicPartition> all = IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(topic, p))
                .toList();
        Mono<Map<TopicPartition, ListOffsetsResultInfo>> ends = offsets(all, OffsetSpec.latest());
        Mono<Map<TopicPartition, ListOffsetsResultInfo>> starts = offsets(all, OffsetSpec.earliest());
        Mono<Map<TopicPartition, OffsetAndMetadata>> committed = Mono.fromFuture(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .toCompletionStage()
                .toCompletableFuture());
        return Mono.zip(ends, starts, committed)
                .doOnNext(t -> {
                    Map<Integer, Long> lengths = all.stream()
                            .collect(Collectors.toMap(TopicPartition::partition, tp -> {
                                OffsetAndMetadata done = t.getT3().get(tp);
                                long from = done == null ? t.getT2().get(tp).offset() : done.offset();
                                return Math.max(0, t.getT1().get(tp).offset() - from);
                            }));
                    synchronized (this) {
                        waiting = lengths;
                        placedSince.clear();
                        readAt = clock.instant();
                    }
                })
                .then();
    }

    private Mono<Map<TopicPartition, ListOffsetsResultInfo>> offsets(List<TopicPartition> all, OffsetSpec spec) {
        return Mono.fromFuture(admin.listOffsets(all.stream().collect(Collectors.toMap(tp -> tp, tp -> spec)))
                .all()
                .toCompletionStage()
                .toCompletableFuture());
    }
}
