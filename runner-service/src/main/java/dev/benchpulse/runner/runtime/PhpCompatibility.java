package dev.benchpulse.runner.runtime;

import java.util.Optional;

/**
 * The PHP versions a benchmark runs on: from its oldest to its newest {@code major.minor} (either end open).
 * Patch levels do not count: a benchmark for 8.4 runs on 8.4.0 and 8.4.14 alike.
 *
 * @param min    oldest PHP that can run it, if limited
 * @param max    newest PHP that can run it (a feature removed later), if limited
 * @param reason why, e.g. {@code enums are new in PHP 8.1}; null when not limited
 */
public record PhpCompatibility(Optional<PhpVersion> min, Optional<PhpVersion> max, String reason) {

    /** Any PHP. */
    public static final PhpCompatibility ANY = new PhpCompatibility(Optional.empty(), Optional.empty(), null);

    public static PhpCompatibility atLeast(PhpVersion min, String reason) {
        return new PhpCompatibility(Optional.of(min), Optional.empty(), reason);
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

    /** {@link #describe()} with the reason: {@code PHP 8.1 or newer (enums are new in PHP 8.1)}. */
    public String explain() {
        return describe() + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }

    private static String minor(PhpVersion version) {
        return version.major() + "." + version.minor();
    }
}
