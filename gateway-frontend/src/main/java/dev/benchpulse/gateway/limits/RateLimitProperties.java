package dev.benchpulse.gateway.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's rate limits ({@code benchpulse.limits.*}). Each allows {@code capacity} requests at once and gives
 * them back evenly over {@code period}; runs and calibrations count per signed-in user (per client address in the
 * open mode), failed sign-ins per client address.
 *
 * @param runRequests  {@code POST /api/runs}
 * @param calibrations {@code POST /api/benchmarks/{slug}/calibrate}
 * @param signIn       failed sign-ins, by form or HTTP Basic
 * @param maxTracked   how many requesters' buckets are kept at most (the least recently seen are forgotten)
 */
@ConfigurationProperties("benchpulse.limits")
public record RateLimitProperties(
        Limit runRequests,
        Limit calibrations,
        Limit signIn,
        @DefaultValue("100000") int maxTracked) {

    public RateLimitProperties {
        runRequests = Limit.orDefault(runRequests, 20, Duration.ofMinutes(1));
        calibrations = Limit.orDefault(calibrations, 6, Duration.ofMinutes(1));
        signIn = Limit.orDefault(signIn, 10, Duration.ofMinutes(5));
    }

    /**
     * @param capacity requests allowed in a burst
     * @param period   time over which the whole capacity comes back
     */
    public record Limit(Integer capacity, Duration period) {

        static Limit orDefault(Limit limit, int capacity, Duration period) {
            return new Limit(
                    limit == null || limit.capacity() == null ? capacity : limit.capacity(),
                    limit == null || limit.period() == null ? period : limit.period());
        }
    }
}
