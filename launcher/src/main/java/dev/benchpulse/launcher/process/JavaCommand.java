package dev.benchpulse.launcher.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a JVM component: the launcher's own {@code java}, the given options, a class-data
 * sharing archive that the JVM writes when a run without one exits (a service's training run, Kafka's first stop)
 * and maps afterwards (faster starts), and a marker naming the state directory so that a leftover process of this
 * stack can be recognised.
 *
 * @param java             the java executable
 * @param stateDir         the stack's state directory (the marker)
 * @param classDataSharing whether to use (and create) class-data-sharing archives
 */
public record JavaCommand(Path java, Path stateDir, boolean classDataSharing) {

    private static final Duration FIRST_EXIT = Duration.ofSeconds(90);

    /** The JVM running the launcher; the launcher needs 21+, so the components get 21+. */
    public static JavaCommand current(Path stateDir, boolean classDataSharing) {
        return new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"), stateDir, classDataSharing);
    }

    /** Extra stop time for a JVM that will write its class-data archive when it exits (the first time). */
    public Duration stopGrace(Path classDataArchive) {
        return classDataSharing && classDataArchive != null && !Files.exists(classDataArchive)
                ? FIRST_EXIT
                : Duration.ZERO;
    }

    /** {@code java <options> <CDS> -Dbenchpulse.stack=<state> <arguments>}. */
    public List<String> command(List<String> options, Path classDataArchive, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        if (classDataSharing && classDataArchive != null) {
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + classDataArchive);
            command.add("-Xlog:cds*=off"); // hundreds of "skipping class" notes when the archive is made
        }
        command.add("-Dbenchpulse.stack=" + stateDir);
        command.addAll(arguments);
        return command;
    }
}
