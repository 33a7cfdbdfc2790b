package dev.benchpulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void every_topic_carries_event_types_and_has_a_dead_letter_topic_with_as_many_partitions() {
        for (Topic<String, ?> topic : Topics.all()) {
            assertThat(topic.eventTypes()).as(topic.name()).isNotEmpty();
            if (topic == Topics.HUB_UPDATES) {
                continue;
            }
            assertThat(topic.deadLetter()).as(topic.name()).hasValueSatisfying(dlt -> {
                assertThat(dlt.name()).isEqualTo(topic.name() + ".dlt");
                assertThat(dlt.partitions()).isEqualTo(topic.partitions());
                assertThat(dlt.deadLetter()).isEmpty();
            });
        }
    }

    @Test
    void the_hub_updates_are_one_log_in_one_partition_without_a_dead_letter_topic() {
        assertThat(Topics.HUB_UPDATES.partitions()).isEqualTo(1);
        assertThat(Topics.HUB_UPDATES.deadLetter()).isEmpty();
        assertThat(Topics.HUB_UPDATES.eventTypes()).containsExactly(EventType.HUB_UPDATE);
        assertThat(Topics.byName("benchpulse.hub-updates.v1")).containsSame(Topics.HUB_UPDATES);
    }

    @Test
    void every_event_type_is_carried_by_exactly_one_topic() {
        Set<EventType> carried = EnumSet.noneOf(EventType.class);
        for (Topic<String, ?> topic : Topics.all()) {
            for (EventType type : topic.eventTypes()) {
                assertThat(carried.add(type)).as(type + " is carried twice").isTrue();
            }
        }
        assertThat(carried).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void topic_names_are_unique_and_found_by_name() {
        Set<String> names =
                Topics.allWithDeadLetters().stream().map(Topic::name).collect(Collectors.toSet());
        assertThat(names).hasSize(Topics.allWithDeadLetters().size());
        assertThat(Topics.byName(Topics.BENCHMARK_EVENTS.name())).containsSame(Topics.BENCHMARK_EVENTS);
        assertThat(Topics.byName(Topics.RUN_REQUESTS.name() + ".dlt")).isPresent();
        assertThat(Topics.byName("nope")).isEmpty();
    }

    @Test
    void every_event_type_has_a_distinct_cloud_event_type() {
        Set<String> types = EnumSet.allOf(EventType.class).stream()
                .map(EventType::cloudEventType)
                .collect(Collectors.toSet());
        assertThat(types).hasSize(EventType.values().length).allMatch(t -> t.startsWith("dev.benchpulse."));
    }
}
