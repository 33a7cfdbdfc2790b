package dev.benchpulse.notifier.consume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.notifier.relay.Delivery;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

class PartitionOffsetsTests {

    private final TopicPartition partition = new TopicPartition("events", 3);
    private final List<Long> acknowledged = new ArrayList<>();
    private final List<String> gate = new ArrayList<>();
    private final PartitionOffsets offsets = new PartitionOffsets(
            partition, new PartitionGate(p -> gate.add("pause " + p), p -> gate.add("resume " + p)), 4);

    @Test
    void commits_nothing_while_the_oldest_event_is_unsettled() {
        Delivery first = track(10);
        Delivery second = track(11);

        second.settled();

        assertThat(acknowledged).isEmpty();
        first.settled();
        assertThat(acknowledged).containsExactly(11L);
    }

    @Test
    void commits_the_highest_offset_below_which_everything_is_settled() {
        List<Delivery> deliveries = new ArrayList<>();
        for (long offset = 0; offset < 4; offset++) {
            deliveries.add(track(offset));
        }

        deliveries.get(0).settled();
        deliveries.get(2).settled();
        deliveries.get(1).settled();

        assertThat(acknowledged).containsExactly(0L, 2L);
        assertThat(offsets.uncommitted()).isEqualTo(1);
    }

    @Test
    void is_not_held_back_by_offsets_it_never_saw() {
        // Given offsets 5 and 6 went to the dead-letter topic without reaching the listener
        Delivery before = track(4);
        Delivery after = track(7);

        after.settled();
        before.settled();

        assertThat(acknowledged).containsExactly(7L);
    }

    @Test
    void gives_a_record_read_again_its_existing_entry() {
        Delivery first = track(1);

        assertThat(offsets.track(1, () -> {})).isSameAs(first);
    }

    @Test
    void pauses_the_partition_when_too_far_ahead_and_resumes_it_once_it_caught_up() {
        Delivery oldest = track(0);
        List<Delivery> rest = new ArrayList<>();
        for (long offset = 1; offset <= 4; offset++) {
            rest.add(track(offset));
        }
        assertThat(gate).containsExactly("pause events-3");

        rest.forEach(Delivery::settled);
        oldest.settled();

        assertThat(gate).containsExactly("pause events-3", "resume events-3");
        assertThat(acknowledged).containsExactly(4L);
    }

    @Test
    void never_commits_for_a_revoked_partition() {
        Delivery delivery = track(1);

        offsets.revoke();
        delivery.settled();

        assertThat(acknowledged).isEmpty();
    }

    @Test
    void with_a_commit_interval_acknowledges_only_the_newest_settled_offset_when_flushed() {
        PartitionOffsets deferred = new PartitionOffsets(partition, PartitionGate.NONE, 100, true);
        List<Delivery> deliveries = new ArrayList<>();
        for (long offset = 0; offset < 5; offset++) {
            deliveries.add(track(deferred, offset));
        }

        deliveries.get(0).settled();
        deliveries.get(1).settled();
        deliveries.get(3).settled();
        assertThat(acknowledged).isEmpty();

        deferred.flush();
        deferred.flush();
        assertThat(acknowledged).containsExactly(1L);
        assertThat(deferred.uncommitted()).isEqualTo(3);

        deliveries.get(2).settled();
        deliveries.get(4).settled();
        deferred.flush();
        assertThat(acknowledged).containsExactly(1L, 4L);
    }

    @Test
    void with_a_commit_interval_drops_what_waits_when_the_partition_is_revoked() {
        PartitionOffsets deferred = new PartitionOffsets(partition, PartitionGate.NONE, 100, true);
        track(deferred, 7).settled();

        deferred.revoke();
        deferred.flush();

        assertThat(acknowledged).isEmpty();
    }

    private Delivery track(long offset) {
        return track(offsets, offset);
    }

    private Delivery track(PartitionOffsets target, long offset) {
        Acknowledgment acknowledgment = () -> acknowledged.add(offset);
        return target.track(offset, acknowledgment);
    }
}
