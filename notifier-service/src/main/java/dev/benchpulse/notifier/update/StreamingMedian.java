package dev.benchpulse.notifier.update;

import java.util.Collections;
import java.util.PriorityQueue;

/**
 * The median of a growing sample without sorting it again on each new value: the lower half sits in a max-heap and
 * the upper half in a min-heap, kept balanced, so adding costs O(log n) and reading the median O(1).
 */
final class StreamingMedian {

    private final PriorityQueue<Double> lower = new PriorityQueue<>(Collections.reverseOrder());
    private final PriorityQueue<Double> upper = new PriorityQueue<>();

    void add(double value) {
        if (lower.isEmpty() || value <= lower.peek()) {
            lower.add(value);
        } else {
            upper.add(value);
        }
        if (lower.size() > upper.size() + 1) {
            upper.add(lower.poll());
        } else if (upper.size() > lower.size()) {
            lower.add(upper.poll());
        }
    }

    /** The median so far: the middle value, or the mean of the two middle values; NaN when empty. */
    double median() {
        if (lower.isEmpty()) {
            return Double.NaN;
        }
        if (lower.size() > upper.size()) {
            return lower.peek();
        }
        return (lower.peek() + upper.peek()) / 2;
    }
}
