package dev.benchpulse.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * One Bucket4j token bucket per key (a user or a client address), held in a bounded Caffeine cache: a bucket idle
 * for a whole period is full again and is forgotten, and a flood of new keys evicts the oldest instead of growing
 * memory.
 */
public final class KeyedRateLimiter {

    private final RateLimitProperties.Limit limit;
    private final Cache<String, Bucket> buckets;

    public KeyedRateLimiter(RateLimitProperties.Limit limit, int maxTracked) {
        if (limit.capacity() < 1
                || limit.period() == null
                || limit.period().isNegative()
                || limit.period().isZero()) {
            throw new IllegalStateException("A rate limit needs a capacity of at least 1 and a positive period; got "
                    + limit.capacity() + " per " + limit.period() + ".");
        }
        this.limit = limit;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxTracked)
                .expireAfterAccess(limit.period())
                .build();
    }

    /** Takes one request from the key's bucket; empty when allowed, else how long until one is available. */
    public Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether the key's bucket is spent, without taking anything; empty when not, else how long until it is not. */
    public Optional<Duration> exhausted(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public RateLimitProperties.Limit limit() {
        return limit;
    }

    private Bucket bucket(String key) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit.capacity())
                                .refillGreedy(limit.capacity(), limit.period())
                                .build())
                        .build());
    }
}
