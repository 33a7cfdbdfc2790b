package dev.benchpulse.hub.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateHistoryTests {

    private static Update update(String id) {
        return new Update(id, List.of("t"), "d", false, null, null);
    }

    @Test
    void replays_after_a_known_id_and_everything_for_an_evicted_one() {
        UpdateHistory history = new UpdateHistory(3);
        List.of("a", "b", "c", "d").forEach(id -> history.add(update(id)));

        assertThat(history.after("b").updates()).extracting(Update::id).containsExactly("c", "d");
        assertThat(history.after("b").precedingId()).isEqualTo("b");
        assertThat(history.after("a").updates()).extracting(Update::id).containsExactly("b", "c", "d");
        assertThat(history.after("a").precedingId()).isEqualTo(UpdateHistory.EARLIEST);
        assertThat(history.lastId()).isEqualTo("d");
    }

    @Test
    void an_empty_or_disabled_history_replays_nothing() {
        assertThat(new UpdateHistory(3).after("earliest").updates()).isEmpty();
        UpdateHistory none = new UpdateHistory(0);
        none.add(update("a"));
        assertThat(none.after("earliest").updates()).isEmpty();
        assertThat(none.lastId()).isEqualTo(UpdateHistory.EARLIEST);
    }

    @Test
    void frames_carry_every_field_and_split_data_lines() {
        Update update = new Update("id1", List.of("t"), "a\r\nb\rc", false, "kind", 100L);

        assertThat(update.frameText()).isEqualTo("id: id1\nevent: kind\nretry: 100\ndata: a\ndata: b\ndata: c\n\n");
        assertThat(new Update("id2", List.of("t"), null, false, null, null).frameText())
                .isEqualTo("id: id2\ndata: \n\n");
    }
}
