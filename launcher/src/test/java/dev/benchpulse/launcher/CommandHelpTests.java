package dev.benchpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.BenchpulseCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code --help} of every command and subcommand prints its usage and nothing else, through both programs
 * {@code ./benchpulse} runs: the launcher's (every command) and the CLI's (the client commands). picocli writes its
 * warnings (a {@code %} in a description read as a format specifier, say) to the standard error it saw when its
 * classes loaded, which a test cannot capture in process; so each program runs in a JVM of its own ({@link
 * HelpOfEveryCommand}), which asks every command for its help in turn and writes a marker line to both streams before
 * each, and the test splits both streams at the markers.
 */
class CommandHelpTests {

    private static final String MARKER = "\u0001help of: ";

    private static final Map<String, Map<String, Output>> OUTPUTS = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0} {1} --help")
    @MethodSource("commands")
    void help_prints_the_usage_and_no_warning(String program, List<String> command) {
        Output output = OUTPUTS.computeIfAbsent(program, CommandHelpTests::helpOfEveryCommand)
                .get(String.join(" ", command));

        assertThat(output).as("the help of %s", command).isNotNull();
        assertThat(output.exitCode()).as("exit code").isZero();
        assertThat(output.err()).as("standard error").isEmpty();
        assertThat(output.out())
                .as("standard output")
                .doesNotContainIgnoringCase("picocli")
                .contains(("Usage: benchpulse " + String.join(" ", command)).trim() + " ", "-h, --help");
    }

    static Stream<Arguments> commands() {
        return Stream.concat(
                paths(commandLine("launcher")).map(path -> Arguments.of("launcher", path)),
                paths(commandLine("cli")).map(path -> Arguments.of("cli", path)));
    }

    private static CommandLine commandLine(String program) {
        return program.equals("launcher") ? BenchpulseLauncher.commandLine() : BenchpulseCli.commandLine();
    }

    /** The command itself, then every subcommand at any depth, as the words that name it. */
    private static Stream<List<String>> paths(CommandLine command) {
        return Stream.concat(
                Stream.of(List.of()),
                command.getSubcommands().entrySet().stream()
                        .flatMap(sub -> paths(sub.getValue())
                                .map(rest -> Stream.concat(Stream.of(sub.getKey()), rest.stream())
                                        .toList())));
    }

    /** Runs {@link HelpOfEveryCommand} for one program and splits what it printed by command. */
    private static Map<String, Output> helpOfEveryCommand(String program) {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HelpOfEveryCommand.class.getName(),
                program);
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
            assertThat(process.exitValue())
                    .as("%s's exit code; standard error:%n%s", program, err.join())
                    .isZero();
            Map<String, String> outs = split(out);
            Map<String, String> errs = split(err.join());
            Map<String, Output> outputs = new HashMap<>();
            Pattern exit = Pattern.compile("\\A(.*)\\u0001exit code: (-?\\d+)\\n\\z", Pattern.DOTALL);
            outs.forEach((path, text) -> {
                Matcher matcher = exit.matcher(text);
                assertThat(matcher.matches()).as("the exit code of %s", path).isTrue();
                outputs.put(
                        path,
                        new Output(Integer.parseInt(matcher.group(2)), matcher.group(1), errs.getOrDefault(path, "")));
            });
            return outputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What follows each marker line, by the command the marker names. */
    private static Map<String, String> split(String stream) {
        Map<String, String> parts = new HashMap<>();
        String[] sections = stream.split(MARKER, -1);
        for (int i = 1; i < sections.length; i++) {
            int endOfMarker = sections[i].indexOf('\n');
            parts.put(sections[i].substring(0, endOfMarker), sections[i].substring(endOfMarker + 1));
        }
        return parts;
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Output(int exitCode, String out, String err) {}

    /** The child JVM: the help of every command of one program, each after a marker on both streams. */
    static final class HelpOfEveryCommand {

        public static void main(String[] args) {
            paths(commandLine(args[0])).forEach(path -> {
                String name = String.join(" ", path);
                System.out.print(MARKER + name + "\n");
                System.out.flush();
                System.err.print(MARKER + name + "\n");
                System.err.flush();
                List<String> words = new ArrayList<>(path);
                words.add("--help");
                int exitCode = commandLine(args[0]).execute(words.toArray(String[]::new));
                System.out.flush();
                System.err.flush();
                System.out.print("\u0001exit code: " + exitCode + "\n");
                System.out.flush();
            });
        }
    }
}
