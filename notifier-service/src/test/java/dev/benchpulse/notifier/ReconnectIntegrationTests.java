package dev.benchpulse.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.SseRecorder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;

class ReconnectIntegrationTests extends NotifierIntegrationTest {

    @Test
    void a_browser_reconnecting_with_last_event_id_gets_exactly_what_it_missed() {
        RunEvents run = RunEvents.of("reconnect", "php-8.2", 30);
        try (SseRecorder reference = subscribe(topicOf(run))) {
            // Given a browser that saw the start of a run
            SseRecorder first = subscribe(topicOf(run));
            publish(run, run.started());
            for (int i = 1; i <= 10; i++) {
                publish(run, run.progress(100));
            }
            first.awaitEvents(e -> e.data().contains("\"currentIteration\":10"), 1, TIMEOUT);

            // When it drops, misses part of the run and reconnects with the id of the last update it saw
            first.close();
            List<ServerSentEvent<String>> before = first.events();
            for (int i = 11; i <= 20; i++) {
                publish(run, run.progress(100));
            }
            reference.awaitEvents(e -> e.data().contains("\"currentIteration\":20"), 1, TIMEOUT);
            try (SseRecorder second = subscribe(topicOf(run), before.getLast().id())) {
                for (int i = 21; i <= 30; i++) {
                    publish(run, run.progress(100));
                }
                publish(run, run.completed());
                second.awaitEvents(e -> e.data().contains("benchmark.completed"), 1, TIMEOUT);
                reference.awaitEvents(e -> e.data().contains("benchmark.completed"), 1, TIMEOUT);

                // Then both connections together saw every update the hub published, none twice, in order
                List<String> seen = Stream.concat(before.stream(), second.events().stream())
                        .map(ServerSentEvent::id)
                        .toList();
                List<String> published =
                        reference.events().stream().map(ServerSentEvent::id).toList();
                assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(published);
                assertThat(second.events()).isNotEmpty();
            }
        }
    }
}
