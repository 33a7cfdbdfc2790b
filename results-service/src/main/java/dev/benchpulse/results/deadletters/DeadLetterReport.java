package dev.benchpulse.results.deadletters;

import java.util.List;

/**
 * What waits on the dead-letter topics.
 *
 * @param waiting records waiting on all of them
 */
record DeadLetterReport(long waiting, List<TopicReport> topics) {

    static DeadLetterReport of(List<TopicReport> topics) {
        return new DeadLetterReport(
                topics.stream().mapToLong(TopicReport::depth).sum(), topics);
    }

    /**
     * One dead-letter topic.
     *
     * @param depth   records waiting (parked and not replayed)
     * @param records the oldest of them, up to the limit asked for
     */
    record TopicReport(String topic, String source, long depth, List<DeadLetterRecord> records) {}

    /** The answer to a replay: how many records went back to {@code source}. */
    record Replayed(String topic, String source, int replayed) {}
}
