package dev.benchpulse.results.deadletters;

import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code deadLetters}: the depth of each dead-letter topic, the total waiting, and a warning when
 * any holds records. Always UP: parked records need an operator, but the service works.
 */
@Component("deadLettersHealthIndicator")
class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetterDepth depth;

    DeadLettersHealthIndicator(DeadLetterDepth depth) {
        this.depth = depth;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> depths = depth.depths();
        long waiting = depths.values().stream().mapToLong(Long::longValue).sum();
        builder.up().withDetail("topics", depths).withDetail("waiting", waiting);
        if (waiting > 0) {
            builder.withDetail("warning", waiting + " record(s) wait on dead-letter topics: ./benchpulse dlt list");
        }
        if (depth.problem() != null) {
            builder.withDetail("problem", depth.problem());
        }
    }
}
