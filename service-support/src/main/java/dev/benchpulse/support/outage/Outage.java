package dev.benchpulse.support.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A dependency that is unavailable now, as health shows it.
 *
 * @param dependency the dependency's name, e.g. {@code postgresql}
 * @param since      when the first failure of this outage was seen
 * @param duration   how long it has lasted so far
 * @param reason     the latest failure, innermost cause first
 * @param waiting    who waits for it: consumer threads, publishers
 */
public record Outage(String dependency, Instant since, Duration duration, String reason, Set<String> waiting) {}
