package dev.benchpulse.launcher.php;

import dev.benchpulse.launcher.php.PhpRelease.Borrowed;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The PHP versions {@code ./benchpulse php install} offers, oldest first. The packages are native PHP CLI builds
 * (Remi's and Amazon Linux's RPM builds with their libraries, repackaged as {@code @libphp/*} on npm) that run on
 * Debian 12's glibc; each is pinned to a package version and its tarball's sha512, so a changed upload fails the
 * install instead of changing what is measured. A newer build means a new pin here, never a silent upgrade.
 */
public final class PhpReleases {

    /** Loaded from every version's {@code native/php/modules}; ctype is used by the catalog, mbstring by many. */
    static final List<String> EXTENSIONS = List.of("ctype", "mbstring");

    private static final PhpRelease PHP_81 = release(
            "8.1",
            "8.1.29",
            "@libphp/amazon-linux-2-v81",
            "0.0.12",
            "sha512-rf778HC4Ny5y4de6iXFB/NG9DXJZZwyVJwYuTktNUM+8ASPKShuDVC8UPA8fNL5834g/hleY9Izmn+on+w6dJw==");

    private static final List<PhpRelease> ALL = List.of(
            // json became part of the core in 8.0; 7.4's package has it as an extension
            new PhpRelease(
                    "7.4",
                    "7.4.33",
                    "@libphp/amazon-linux-2-v74",
                    "0.0.21",
                    "sha512-eZyrEqRNkFelz7z5xOmWVdu0tSH0Pul0ClT2p0FcvVnGLp6++86ZRptZSJJMcJkasTmZv2548eArcFsMoB/J1A==",
                    List.of("json", "ctype", "mbstring"),
                    true,
                    Optional.empty()),
            new PhpRelease(
                    "8.0",
                    "8.0.30",
                    "@libphp/amazon-linux-2-v80",
                    "0.0.17",
                    "sha512-ft77uuthAn0PFzBQL9laO5NGux6Jaw/w4e+bAMvt7zgiCkagfk6NtJ8amlLS4X2ySt0wPFUMA1FO38u3DyYfhw==",
                    EXTENSIONS,
                    true,
                    Optional.of(new Borrowed(PHP_81, List.of("libssl.so.10", "libcrypto.so.10")))),
            PHP_81,
            release(
                    "8.2",
                    "8.2.20",
                    "@libphp/amazon-linux-2-v82",
                    "0.0.14",
                    "sha512-uZrUAlwE/e+3lNaQmeMvhjSfbieAW5tO4XaCz5Te7LybI5KRodYtwXfJrgL/uHgtD9ShvtELi/G8k1qeQDnzXA=="),
            release(
                    "8.3",
                    "8.3.8",
                    "@libphp/amazon-linux-2-v83",
                    "0.0.14",
                    "sha512-afJiV0LATlekq/Lzc11qjVrE3tB26kLwD3DkZ2jnmSSgpQsCaDzIwAMeNxkP7zd75PBsg8NyHYb5/tSawG159w=="),
            release(
                    "8.4",
                    "8.4.14",
                    "@libphp/amazon-linux-2023-v84",
                    "0.0.8",
                    "sha512-ddii8duN8LsL70sgqTqr2n34Qo2DFnZLW8R+hnKVoHTY1fB5yqjfhNSh+bwquLiPucXBinSOobZlvP1ReJRsWA=="),
            // opcache is compiled into PHP 8.5: loading it as an extension fails
            new PhpRelease(
                    "8.5",
                    "8.5.2",
                    "@libphp/almalinux-9-v85",
                    "0.0.3",
                    "sha512-rnzptMh+2Fvi0ebP9PNi8aq+msoEWoG0zo4BidfjlPRkKKW0ltXaj36DMGrKvniJgtcqV6Azazj7JOMDAmePbQ==",
                    EXTENSIONS,
                    false,
                    Optional.empty()));

    private PhpReleases() {}

    /** Every installable version, oldest first. */
    public static List<PhpRelease> all() {
        return ALL;
    }

    /** The release of {@code series} ({@code 8.4}, or {@code 8.4.14} for the exact build), if pinned. */
    public static Optional<PhpRelease> find(String series) {
        return ALL.stream()
                .filter(r -> r.series().equals(series) || r.phpVersion().equals(series))
                .findFirst();
    }

    /** The series as a list for messages: {@code 7.4, 8.0, …}. */
    public static String seriesList() {
        return ALL.stream().map(PhpRelease::series).collect(Collectors.joining(", "));
    }

    /** The runtime ids an installed {@code series} gives: {@code php-8.4} and, from 8.0 (the JIT's), {@code php-8.4-jit}. */
    public static List<String> runtimeIds(String series) {
        return series.startsWith("7.") ? List.of("php-" + series) : List.of("php-" + series, "php-" + series + "-jit");
    }

    private static PhpRelease release(String series, String phpVersion, String name, String version, String sha) {
        return new PhpRelease(series, phpVersion, name, version, sha, EXTENSIONS, true, Optional.empty());
    }
}
