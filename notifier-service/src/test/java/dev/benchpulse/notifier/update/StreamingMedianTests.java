package dev.benchpulse.notifier.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingMedianTests {

    @Test
    void is_not_a_number_before_the_first_value() {
        assertThat(new StreamingMedian().median()).isNaN();
    }

    @Test
    void equals_the_median_of_the_sorted_values_after_every_addition() {
        // Given values in random order, duplicates included
        Random random = new Random(42);
        StreamingMedian median = new StreamingMedian();
        List<Double> seen = new ArrayList<>();

        for (int i = 0; i < 501; i++) {
            double value = random.nextInt(50) + random.nextDouble();
            // When one more value comes in
            median.add(value);
            seen.add(value);
            // Then the median is the one of all values so far, odd and even counts alike
            assertThat(median.median()).isEqualTo(sortedMedian(seen));
        }
    }

    private static double sortedMedian(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
