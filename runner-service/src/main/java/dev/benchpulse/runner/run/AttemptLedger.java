package dev.benchpulse.runner.run;

import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Counts the attempts a run request has had, in the metadata of its partition's committed offset. Before a worker
 * starts an attempt, it commits the request's own offset (not past it) with the count and its instance; a request
 * delivered again (its runner died, or its worker hung) finds how many attempts ended without a word. The commit
 * past the request, once its terminal event is acknowledged, clears the count. The count lives with the consumer
 * group's offsets, so it survives every runner.
 */
final class AttemptLedger {

    private static final String PREFIX = "benchpulse-attempts:v1;";

    private AttemptLedger() {}

    /**
     * The attempts of the request at {@code offset} that started before, from the committed offset of its
     * partition; empty when none did (or the commit is about another request).
     */
    static Optional<Entry> previous(OffsetAndMetadata committed, long offset, UUID runId) {
        return Optional.ofNullable(committed)
                .filter(c -> c.offset() == offset)
                .flatMap(c -> Entry.parse(c.metadata()))
                .filter(entry -> entry.runId().equals(runId));
    }

    /**
     * Attempts of one request.
     *
     * @param runId    the request's run
     * @param attempts how many attempts started
     * @param runner   the instance that started the last one
     */
    record Entry(UUID runId, int attempts, String runner) {

        /** The entry of the next attempt, started by {@code instance}. */
        static Entry first(UUID runId, String instance) {
            return new Entry(runId, 1, instance);
        }

        Entry next(String instance) {
            return new Entry(runId, attempts + 1, instance);
        }

        String metadata() {
            return PREFIX + runId + ";" + attempts + ";" + runner;
        }

        static Optional<Entry> parse(String metadata) {
            if (metadata == null || !metadata.startsWith(PREFIX)) {
                return Optional.empty();
            }
            String[] parts = metadata.substring(PREFIX.length()).split(";", 3);
            try {
                return Optional.of(new Entry(UUID.fromString(parts[0]), Integer.parseInt(parts[1]), parts[2]));
            } catch (RuntimeException e) { // not ours, or damaged: count from zero rather than fail the request
                return Optional.empty();
            }
        }
    }
}
