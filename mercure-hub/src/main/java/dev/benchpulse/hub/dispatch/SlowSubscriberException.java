package dev.benchpulse.hub.dispatch;

/**
 * Ends the stream of a subscriber that reads slower than updates arrive. It reconnects with {@code Last-Event-ID} and
 * catches up from the history instead of making the hub hold an unbounded backlog for it.
 */
class SlowSubscriberException extends RuntimeException {

    SlowSubscriberException(int buffer) {
        super(
                "The subscriber fell " + buffer
                        + " updates behind; its stream is closed so it reconnects and catches up "
                        + "from the history.",
                null,
                false,
                false);
    }
}
