package dev.benchpulse.cli.run;

import java.util.function.Consumer;

/**
 * Reads a {@code text/event-stream} line by line (the HTML server-sent events format): {@code data} lines are
 * joined, {@code id} and {@code event} remembered, comments skipped, and a blank line dispatches the event.
 */
public final class EventStreamParser {

    private final Consumer<ServerSentEvent> sink;
    private final StringBuilder data = new StringBuilder();
    private String id;
    private String type;

    public EventStreamParser(Consumer<ServerSentEvent> sink) {
        this.sink = sink;
    }

    /** Feeds one line, without its line terminator. */
    public void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
            case "id" -> id = value;
            case "event" -> type = value;
            default -> {} // retry and unknown fields do not matter here
        }
    }

    private void dispatch() {
        if (!data.isEmpty()) {
            sink.accept(new ServerSentEvent(id, type, data.toString()));
        }
        data.setLength(0);
        type = null;
    }

    /**
     * One event.
     *
     * @param id   its id (the Kafka event's id for Benchpulse updates)
     * @param type its event type, usually null
     * @param data its data
     */
    public record ServerSentEvent(String id, String type, String data) {}
}
