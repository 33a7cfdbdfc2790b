package dev.benchpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.BenchpulseCli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/**
 * {@code --help} of every command and subcommand prints its usage and nothing else, through both programs
 * {@code ./benchpulse} runs: the launcher's (every command) and the CLI's (the client commands). Each runs in its own
 * JVM because picocli writes its warnings (a {@code %} in a description read as a format specifier, say) to the
 * standard error it saw at start-up, which a test cannot capture in process.
 */
class CommandHelpTests {

    @ParameterizedTest(name = "{0} {1} --help")
    @MethodSource("commands")
    void help_prints_the_usage_and_no_warning(String program, List<String> command) throws Exception {
        Class<?> main = program.equals("launcher") ? BenchpulseLauncher.class : BenchpulseCli.class;
        List<String> args = new ArrayList<>(command);
        args.add("--help");

        Output output = run(main, args);

        assertThat(output.exitCode()).as("exit code").isZero();
        assertThat(output.err()).as("standard error").isEmpty();
        assertThat(output.out()).as("standard output").doesNotContainIgnoringCase("picocli")
                .contains(("Usage: benchpulse " + String.join(" ", command)).trim() + " ", "-h, --help");
    }

    static Stream<Arguments> commands() {
        return Stream.concat(paths(BenchpulseLauncher.commandLine()).map(path -> Arguments.of("launcher", path)),
                paths(BenchpulseCli.commandLine()).map(path -> Arguments.of("cli", path)));
    }

    /** The command itself, then every subcommand at any depth, as the words that name it. */
    private static Stream<List<String>> paths(CommandLine command) {
        return Stream.concat(Stream.of(List.of()), command.getSubcommands().entrySet().stream()
                .flatMap(sub -> paths(sub.getValue())
                        .map(rest -> Stream.concat(Stream.of(sub.getKey()), rest.stream()).toList())));
    }

    private static Output run(Class<?> main, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Output(process.exitValue(), out, err.join());
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Output(int exitCode, String out, String err) {
    }
}
