package dev.benchpulse.launcher.config;

import java.nio.file.Path;

/**
 * Where everything of a local stack lives. The state directory ({@code .benchpulse/} in the repository by
 * default, git-ignored) keeps what must survive a restart: Kafka's log, PostgreSQL's data, the hub keys, the logs.
 * The cache directory keeps what can be rebuilt at any time: unpacked PostgreSQL binaries, unpacked service jars
 * and their class-data-sharing archives.
 *
 * @param home     the repository: service jars under {@code <module>/target}, the catalog under {@code benchmarks}
 * @param stateDir the state directory
 * @param cacheDir the cache directory
 */
public record StackLayout(Path home, Path stateDir, Path cacheDir) {

    public StackLayout {
        home = home.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        cacheDir = cacheDir.toAbsolutePath().normalize();
    }

    public Path logs() {
        return stateDir.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path kafkaDir() {
        return stateDir.resolve("kafka");
    }

    public Path postgresData() {
        return stateDir.resolve("postgres");
    }

    public Path keys() {
        return stateDir.resolve("keys.env");
    }

    /** The processes of the running stack, newest first, for a watchdog or the next start to clean up. */
    public Path pidFile() {
        return stateDir.resolve("stack.pids");
    }

    public Path lockFile() {
        return stateDir.resolve("stack.lock");
    }

    public Path postgresBinaries() {
        return cacheDir.resolve("postgres");
    }

    public Path apps() {
        return cacheDir.resolve("apps");
    }

    public Path classDataArchive(String component) {
        return cacheDir.resolve("cds").resolve(component + ".jsa");
    }

    public Path kafkaLibs() {
        return home.resolve("launcher").resolve("target").resolve("kafka-libs");
    }

    public Path catalog() {
        return home.resolve("benchmarks");
    }

    public Path moduleTarget(String module) {
        return home.resolve(module).resolve("target");
    }
}
