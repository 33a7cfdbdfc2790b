package dev.benchpulse.launcher.php;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks a tarball against a pinned Subresource Integrity string ({@code sha512-<base64>}), the form the npm
 * registry publishes as {@code dist.integrity}: the pin, not the registry, decides which bytes are installed.
 */
final class Integrity {

    private static final String PREFIX = "sha512-";

    private Integrity() {}

    /** The integrity string of {@code file}'s bytes. */
    static String of(Path file) throws IOException {
        MessageDigest digest = sha512();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return PREFIX + Base64.getEncoder().encodeToString(digest.digest());
    }

    /** Throws unless {@code file} has exactly the pinned integrity of {@code release}. */
    static void check(PhpRelease release, Path file) throws IOException {
        if (!release.integrity().startsWith(PREFIX)) {
            throw new IllegalStateException(
                    "Pinned integrity of " + release.spec() + " is not sha512: " + release.integrity());
        }
        String actual = of(file);
        if (!actual.equals(release.integrity())) {
            throw new PhpInstallException("The tarball of " + release.spec() + " does not match its pinned sha512 "
                    + "(expected " + release.integrity() + ", got " + actual + "). Nothing was installed. A registry "
                    + "mirror or proxy may have changed it; fetch from https://registry.npmjs.org/ or report it.");
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-512", e);
        }
    }
}
