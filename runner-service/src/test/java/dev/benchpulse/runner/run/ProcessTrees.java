package dev.benchpulse.runner.run;

import java.util.List;
import java.util.Optional;

/** Finds the PHP processes this JVM started that have a {@code sleep} child, with that child. */
final class ProcessTrees {

    private ProcessTrees() {}

    static List<ProcessHandle> phpWithSleepingChild() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> command(p).endsWith("php") || command(p).contains("/php"))
                .filter(php -> php.children().anyMatch(c -> command(c).endsWith("sleep")))
                .findFirst()
                .map(php -> List.of(
                        php,
                        php.children()
                                .filter(c -> command(c).endsWith("sleep"))
                                .findFirst()
                                .orElseThrow()))
                .orElse(List.of());
    }

    private static String command(ProcessHandle process) {
        Optional<String> command = process.info().command();
        return command.orElse("");
    }
}
