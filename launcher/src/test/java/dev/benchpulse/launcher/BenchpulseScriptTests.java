package dev.benchpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.BenchpulseCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./benchpulse} script, run by bash in a copy of the repository layout with stand-ins for java and mvnw
 * that record how they were called: which JDK, whether it builds, and which program (the CLI's jar or the
 * launcher's) runs a command.
 */
class BenchpulseScriptTests {

    private static final List<String> SERVICES =
            List.of("mercure-hub", "runner-service", "results-service", "notifier-service", "gateway-frontend");
    private static final List<String> MODULES = List.of(
            "contracts",
            "cli",
            "launcher",
            "mercure-hub",
            "runner-service",
            "results-service",
            "notifier-service",
            "gateway-frontend");

    @TempDir
    Path dir;

    private Path repo;
    private Path calls;

    @BeforeEach
    void repository() throws IOException {
        repo = Files.createDirectories(dir.resolve("repo"));
        calls = dir.resolve("calls.log");
        Files.copy(Path.of("..", "benchpulse"), repo.resolve("benchpulse"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        // As the build leaves them: the launcher's reactor libraries beside it, and the services' jars with the
        // reproducible build's fixed timestamp as their modification time (Spring Boot's repackage sets it).
        executable(repo.resolve("mvnw"), """
                #!/bin/sh
                echo "mvnw JAVA_HOME=$JAVA_HOME $*" >> "%s"
                for m in cli launcher; do mkdir -p $m/target/lib; touch $m/target/$m-0.1.0-SNAPSHOT.jar; done
                touch launcher/target/lib/cli-0.1.0-SNAPSHOT.jar launcher/target/lib/contracts-0.1.0-SNAPSHOT.jar
                for m in %s; do
                  mkdir -p $m/target; touch $m/target/$m-0.1.0-SNAPSHOT-exec.jar
                  touch -m -d '2020-11-27 00:00:00' $m/target/$m-0.1.0-SNAPSHOT-exec.jar
                done
                """.formatted(calls, String.join(" ", SERVICES)));
        for (String module : MODULES) {
            Files.createDirectories(repo.resolve(module).resolve("src/main/java"));
            old(Files.writeString(repo.resolve(module).resolve("pom.xml"), "<project/>"));
            old(Files.writeString(repo.resolve(module).resolve("src/main/java/App.java"), "class App {}"));
        }
    }

    @Test
    void without_java_21_it_stops_naming_the_javas_it_found_and_how_to_get_one() throws Exception {
        Path java17 = fakeJava("jdk-17", 17);

        Result result = run(Map.of("PATH", java17.getParent() + ":/usr/bin:/bin"), "up");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
                .contains(
                        "Benchpulse needs Java 21 or newer; found: " + java17 + " (17)",
                        "apt-get install openjdk-21-jdk-headless",
                        "JAVA_HOME");
        assertThat(calls).doesNotExist();
    }

    @Test
    void builds_what_is_missing_with_the_jdk_it_found_then_runs_the_launcher() throws Exception {
        Path java21 = fakeJava("jdk-21", 21);

        Result result = run(Map.of("JAVA_HOME", java21.getParent().getParent().toString()), "up", "--fresh");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Building Benchpulse (the launcher is not built yet)");
        String launcher = java("launcher") + " up --fresh";
        assertThat(Files.readAllLines(calls))
                .containsExactly(
                        "mvnw JAVA_HOME=" + java21.getParent().getParent() + " -q -B -ntp -DskipTests package",
                        launcher + " --prepare-only",
                        launcher);
        assertThat(result.output()).contains("Preparing the new build for fast starts");
    }

    @Test
    void up_to_date_jars_are_not_rebuilt() throws Exception {
        Path java21 = fakeJava("jdk-21", 21);
        build();

        Result result = run(Map.of("JAVA_HOME", java21.getParent().getParent().toString()), "up");

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readAllLines(calls)).singleElement().asString().startsWith("java ");
    }

    @Test
    void a_source_newer_than_the_jars_is_rebuilt_before_up() throws Exception {
        Path java21 = fakeJava("jdk-21", 21);
        build();
        Files.setLastModifiedTime(repo.resolve("runner-service/src/main/java/App.java"), FileTime.from(Instant.now()));

        Result result = run(Map.of("JAVA_HOME", java21.getParent().getParent().toString()), "up");

        assertThat(result.output()).contains("runner-service/src/main/java/App.java changed since the last build");
        assertThat(Files.readAllLines(calls)).hasSize(3).first().asString().startsWith("mvnw ");
    }

    @Test
    void a_client_command_does_not_wait_for_a_changed_service_to_be_built() throws Exception {
        Path java21 = fakeJava("jdk-21", 21);
        build();
        Files.setLastModifiedTime(repo.resolve("runner-service/src/main/java/App.java"), FileTime.from(Instant.now()));

        run(Map.of("JAVA_HOME", java21.getParent().getParent().toString()), "list");

        assertThat(Files.readAllLines(calls)).containsExactly(java("cli") + " list");
    }

    @Test
    void a_change_in_a_module_the_launcher_runs_from_rebuilds_it() throws Exception {
        Path java21 = fakeJava("jdk-21", 21);
        build();
        Files.setLastModifiedTime(repo.resolve("cli/src/main/java/App.java"), FileTime.from(Instant.now()));

        Result result = run(Map.of("JAVA_HOME", java21.getParent().getParent().toString()), "--help");

        assertThat(result.output())
                .contains("Building Benchpulse (cli/src/main/java/App.java changed since the last " + "build)");
        assertThat(Files.readAllLines(calls)).hasSize(2).last().isEqualTo(java("launcher") + " --help");
    }

    @Test
    void client_commands_run_the_cli_which_is_all_they_need() throws Exception {
        Path java21 = fakeJava("jdk-21", 21);
        build();
        Files.delete(repo.resolve("launcher/target/launcher-0.1.0-SNAPSHOT.jar"));
        for (String module : SERVICES) {
            Files.delete(repo.resolve(module).resolve("target/" + module + "-0.1.0-SNAPSHOT-exec.jar"));
        }

        Result result = run(Map.of("JAVA_HOME", java21.getParent().getParent().toString()), "list", "-c", "arrays");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly(java("cli") + " list -c arrays");
    }

    @Test
    void a_missing_cli_is_built_before_a_client_command() throws Exception {
        Path java21 = fakeJava("jdk-21", 21);
        build();
        Files.delete(repo.resolve("cli/target/cli-0.1.0-SNAPSHOT.jar"));

        Result result = run(Map.of("JAVA_HOME", java21.getParent().getParent().toString()), "runtimes");

        assertThat(result.output()).contains("Building Benchpulse (the CLI is not built yet)");
        assertThat(Files.readAllLines(calls)).hasSize(2).last().isEqualTo(java("cli") + " runtimes");
    }

    @Test
    void the_help_and_any_other_command_go_to_the_launcher_which_knows_every_command() throws Exception {
        Path java21 = fakeJava("jdk-21", 21);
        build();
        Map<String, String> environment =
                Map.of("JAVA_HOME", java21.getParent().getParent().toString());

        run(environment, "--help");
        run(environment);
        run(environment, "help", "run");
        run(environment, "lsit");

        assertThat(Files.readAllLines(calls))
                .containsExactly(
                        java("launcher") + " --help",
                        java("launcher"),
                        java("launcher") + " help run",
                        java("launcher") + " lsit");
    }

    @Test
    void a_class_data_archive_older_than_its_programs_jar_is_removed_for_the_jvm_to_write_anew() throws Exception {
        Path java21 = fakeJava("jdk-21", 21);
        build();
        Path archives = Files.createDirectories(repo.resolve(".benchpulse/cache/cds"));
        Path stale = Files.writeString(archives.resolve("cli.jsa"), "an archive of an earlier build");
        old(stale);
        Path current = Files.writeString(archives.resolve("launcher.jsa"), "an archive of this build");
        Map<String, String> environment =
                Map.of("JAVA_HOME", java21.getParent().getParent().toString());

        run(environment, "list");
        run(environment, "--help");

        assertThat(stale).doesNotExist();
        assertThat(current).hasContent("an archive of this build");
    }

    @Test
    void the_script_sends_exactly_the_clis_client_commands_to_the_cli() throws IOException {
        Matcher declared = Pattern.compile("(?m)^CLI_COMMANDS=\\(([^)]*)\\)$")
                .matcher(Files.readString(repo.resolve("benchpulse")));
        assertThat(declared.find()).as("CLI_COMMANDS=(...) in ./benchpulse").isTrue();

        Set<String> clientCommands =
                new HashSet<>(BenchpulseCli.commandLine().getSubcommands().keySet());
        clientCommands.remove("help");
        assertThat(declared.group(1).split(" ")).containsExactlyInAnyOrderElementsOf(clientCommands);
    }

    /** How the script runs a program's jar (cli or launcher), before the command's arguments. */
    private String java(String program) {
        return "java "
                + String.join(
                        " ",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xshare:auto",
                        "-XX:+AutoCreateSharedArchive",
                        "-XX:SharedArchiveFile=" + repo + "/.benchpulse/cache/cds/" + program + ".jsa",
                        "-Xlog:cds*=off",
                        "-Dbenchpulse.home=" + repo,
                        "-jar",
                        repo + "/" + program + "/target/" + program + "-0.1.0-SNAPSHOT.jar");
    }

    /** A JDK whose java records its arguments, with a release file saying its version. */
    private Path fakeJava(String name, int version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path java = executable(
                Files.createDirectories(home.resolve("bin")).resolve("java"),
                version >= 21
                        ? "#!/bin/sh\necho \"java $*\" >> \"" + calls + "\"\n"
                        : "#!/bin/sh\necho 'openjdk version \"" + version + ".0.2\" 2022-01-18' >&2\n");
        executable(home.resolve("bin/javac"), "#!/bin/sh\n");
        if (version >= 21) {
            Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + ".0.4\"\n");
        }
        return java;
    }

    private void build() throws Exception {
        Process mvnw = new ProcessBuilder("./mvnw").directory(repo.toFile()).start();
        assertThat(mvnw.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.delete(calls);
    }

    private Result run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("bash", repo.resolve("benchpulse").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(Map.of(
                "PATH",
                "/usr/bin:/bin",
                "HOME",
                dir.toString(),
                "BENCHPULSE_JVM_DIRS",
                dir.resolve("no-jvms").toString() + "/*"));
        env.putAll(environment);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Path old(Path file) throws IOException {
        return Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    private record Result(int exitCode, String output) {}
}
