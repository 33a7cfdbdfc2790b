package dev.benchpulse.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.run.EventStreamParser.ServerSentEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamParserTests {

    private final List<ServerSentEvent> events = new ArrayList<>();
    private final EventStreamParser parser = new EventStreamParser(events::add);

    @Test
    void joins_data_lines_keeps_the_id_and_dispatches_on_a_blank_line() {
        feed("id: urn:uuid:1", "event: update", "data: {\"a\":", "data:1}", "", "");

        assertThat(events).containsExactly(new ServerSentEvent("urn:uuid:1", "update", "{\"a\":\n1}"));
    }

    @Test
    void skips_comments_and_events_without_data() {
        feed(":", "", ": heartbeat", "", "id: 7", "", "data: x", "retry: 5000", "");

        assertThat(events).containsExactly(new ServerSentEvent("7", null, "x"));
    }

    @Test
    void keeps_an_unfinished_event_until_its_blank_line() {
        feed("data: half");

        assertThat(events).isEmpty();
    }

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }
}
