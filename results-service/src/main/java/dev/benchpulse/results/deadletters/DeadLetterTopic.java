package dev.benchpulse.results.deadletters;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.results.problem.NotFoundException;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;

/**
 * A registry topic's dead-letter topic and the topic its records came from.
 *
 * @param name       the dead-letter topic, e.g. {@code benchpulse.benchmark-events.v1.dlt}
 * @param source     the topic its records are replayed to
 * @param partitions partitions of both
 */
record DeadLetterTopic(String name, String source, int partitions) {

    /** Consumer group whose committed offsets mark the records already replayed. */
    static final String REPLAY_GROUP = "benchpulse-dlt-replay";

    static List<DeadLetterTopic> all() {
        return Topics.all().stream()
                .flatMap(topic -> topic.deadLetter().stream()
                        .map(dlt -> new DeadLetterTopic(dlt.name(), topic.name(), dlt.partitions())))
                .toList();
    }

    /** The dead-letter topic of that name (or of that source topic), or a 404 problem listing the known ones. */
    static DeadLetterTopic named(String name) {
        return all().stream()
                .filter(t -> t.name().equals(name) || t.source().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new NotFoundException("No dead-letter topic is named '" + name + "'. The known ones: "
                                + all().stream().map(DeadLetterTopic::name).toList() + "."));
    }

    List<TopicPartition> topicPartitions() {
        return IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(name, p))
                .toList();
    }
}
