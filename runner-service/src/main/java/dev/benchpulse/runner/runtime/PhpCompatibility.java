package dev.benchpulse.runner.runtime;

import java.util.Optional;

/**
 * The PHP versions a benchmark runs on: from its oldest to its newest {@code major.minor} (either end open).
 * Patch levels do not count: a benchmark for 8.4 runs on 8.4.0 and 8.4.14 alike.
 *
 * @param min oldest PHP that can run it, if limited
 * @param max newest PHP that can run it (a feature removed later), if limited
 */
public record PhpCompatibility(Optional<PhpVersion> min, Optional<PhpVersion> max) {

    /** Any PHP. */
    public static final PhpCompatibility ANY = new PhpCompatibility(Optional.empty(), Optional.empty());

    public static PhpCompatibility atLeast(PhpVersion min) {
        return new PhpCompatibility(Optional.of(min), Optional.empty());
    }

    public boolean allows(PhpVersion version) {
        return min.map(m -> version.compareMinor(m) >= 0).orElse(true)
                && max.map(m -> version.compareMinor(m) <= 0).orElse(true);
    }

    /** For messages: {@code PHP 8.4 or newer}, {@code PHP 7.4 to 8.3}, {@code PHP 8.3 or older}, {@code any PHP}. */
    public String describe() {
        if (min.isPresent() && max.isPresent()) {
            return "PHP " + minor(min.get()) + " to " + minor(max.get());
        }
        return min.map(m -> "PHP " + minor(m) + " or newer")
                .or(() -> max.map(m -> "PHP " + minor(m) + " or older"))
                .orElse("any PHP");
    }

    private static String minor(PhpVersion version) {
        return version.major() + "." + version.minor();
    }
}
