package dev.benchpulse.launcher.postgres;

import dev.benchpulse.launcher.config.StackLayout;
import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.ProcessSpec;
import dev.benchpulse.launcher.supervision.Readiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from zonky's embedded binaries, run as a process of the stack (never daemonised, so it
 * stops with the stack). Listens on 127.0.0.1 only, with trust authentication for the {@code benchpulse} user; the
 * data directory stays in the state directory so results survive restarts.
 */
public final class EmbeddedPostgres implements DatabaseServer {

    public static final String NAME = "postgres";
    static final String USER = "benchpulse";
    static final String DATABASE = "benchpulse";

    private final StackLayout layout;
    private final int port;

    public EmbeddedPostgres(StackLayout layout, int port) {
        this.layout = layout;
        this.port = port;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return database().display();
    }

    /** Trust authentication on the loopback interface: no password to keep anywhere. */
    @Override
    public Database database() {
        return new Database("127.0.0.1", port, DATABASE, USER, "", Map.of());
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(port, "--postgres-port"));
    }

    @Override
    public boolean isPrepared() {
        return PostgresBinaries.isUnpacked(layout.postgresBinaries());
    }

    /** Unpacks the binaries into the cache. */
    @Override
    public void prepare() throws IOException {
        PostgresBinaries.unpack(layout.postgresBinaries());
    }

    @Override
    public Optional<ComponentProcess> start() throws IOException, InterruptedException {
        Path binaries = PostgresBinaries.unpack(layout.postgresBinaries());
        List<String> prefix = RootGuard.commandPrefix();
        if (!Files.exists(layout.postgresData().resolve("PG_VERSION"))) {
            initdb(binaries, prefix);
        }
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                binaries.resolve("bin/postgres").toString(),
                "-D",
                layout.postgresData().toString(),
                "-p",
                String.valueOf(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories="));
        return Optional.of(new ProcessSpec(
                        NAME, command, Map.of("LC_ALL", "C"), layout.home(), layout.log(NAME), "INT", Duration.ZERO)
                .start());
    }

    private void initdb(Path binaries, List<String> prefix) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                binaries.resolve("bin/initdb").toString(),
                "-D",
                layout.postgresData().toString(),
                "-U",
                USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-instructions"));
        ComponentProcess initdb = new ProcessSpec(
                        NAME + "-initdb",
                        command,
                        Map.of("LC_ALL", "C"),
                        layout.home(),
                        layout.log(NAME + "-initdb"),
                        "TERM",
                        Duration.ZERO)
                .start();
        initdb.onExit().orTimeout(120, TimeUnit.SECONDS).join();
        if (initdb.exitCode() != 0) {
            throw new IOException("initdb failed (exit code " + initdb.exitCode() + "); see " + initdb.log());
        }
    }

    @Override
    public void awaitReady(Readiness readiness) throws Exception {
        readiness.await("accepting connections", () -> {
            Postgres.ensureDatabase(database());
            return Postgres.answers(database());
        });
    }

    @Override
    public boolean isHealthy() throws Exception {
        return Postgres.answers(database());
    }
}
