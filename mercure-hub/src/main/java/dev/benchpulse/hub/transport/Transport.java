package dev.benchpulse.hub.transport;

import dev.benchpulse.hub.update.Update;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where accepted updates go and come back from. Every update gets a position in one order; the transport hands the
 * updates to the dispatcher in that order, in batches, and serves the history from it, so that a subscriber can be
 * given everything before a position as replay and everything from that position on live, missing nothing and
 * seeing nothing twice. {@link MemoryTransport} keeps a bounded history in one hub's memory; the Kafka transport
 * ({@code transport.kafka}) implements the same contract over a topic shared by every instance of a hub cluster,
 * with the topic's offsets as positions. Positions increase but need not be contiguous.
 */
public interface Transport {

    /**
     * Accepts a published update. An update whose id the transport still keeps is a publisher's retry (its first
     * response was lost): it is not accepted again, so no subscriber receives it twice.
     *
     * @return completes with true once the update is stored, with false for such a repeated update, and
     *         exceptionally when it could not be stored (the publisher should retry)
     */
    CompletableFuture<Boolean> append(Update update);

    /** Starts handing accepted updates to the receiver: batch after batch, in order, from one thread at a time. */
    void start(Receiver receiver);

    /** The position before which no update will be handed to the receiver: where dispatch starts. */
    long end();

    /**
     * Where a subscriber resumes: after {@code lastEventId} (every kept update when it is
     * {@value dev.benchpulse.hub.update.UpdateHistory#EARLIEST} or no longer kept), or, without one, after the newest
     * update. Completes at once unless the transport must first catch up with updates stored elsewhere.
     */
    CompletableFuture<Resume> resume(String lastEventId);

    /**
     * The updates still kept at positions from {@code from} (included) to {@code end} (excluded), oldest first. The
     * iteration may read them lazily (from a log), so it is paced by whoever consumes it.
     */
    Iterable<Update> replay(long from, long end);

    /** The id of the newest update, or {@value dev.benchpulse.hub.update.UpdateHistory#EARLIEST} when there is none. */
    String lastId();

    /** Stops handing updates over. */
    void close();

    /** Receives the batches of accepted updates. */
    @FunctionalInterface
    interface Receiver {

        void receive(Batch batch);
    }

    /**
     * Updates accepted since the previous batch, oldest first.
     *
     * @param updates the updates, each with when it was accepted ({@link System#nanoTime()})
     * @param end a position after every update of the batch and before (or at) the first one of the next batch
     */
    record Batch(List<Accepted> updates, long end) {}

    /**
     * An update, its position, and when the transport accepted it (for the dispatch latency metric).
     */
    record Accepted(Update update, long position, long acceptedNanos) {}

    /**
     * Where a subscriber resumes.
     *
     * @param from the position of the first update it is owed (replayed or live): every earlier one it has seen, or
     *         is no longer kept
     * @param precedingId the {@code Last-Event-ID} response header: the id the subscriber gave when it is kept, else
     *         {@value dev.benchpulse.hub.update.UpdateHistory#EARLIEST} (updates may have been lost); without an id,
     *         the newest update's
     */
    record Resume(long from, String precedingId) {}
}
