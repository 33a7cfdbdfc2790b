package dev.benchpulse.runner.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PHP version such as {@code 8.2.29} or {@code 8.3}; comparisons of benchmark requirements use major and minor.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version (0 when not given)
 */
public record PhpVersion(int major, int minor, int patch) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    /** Parses {@code major.minor[.patch][suffix]}, e.g. {@code 8.4.0RC1}. */
    public static PhpVersion parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PHP version: '" + text + "' (expected major.minor, e.g. 8.2)");
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new PhpVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
    }

    public static boolean isValid(String text) {
        return text != null && VERSION.matcher(text.trim()).matches();
    }

    /** Compares major and minor only: 8.2.29 and 8.2 are equal here. */
    public int compareMinor(PhpVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
