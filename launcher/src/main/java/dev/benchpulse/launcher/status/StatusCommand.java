package dev.benchpulse.launcher.status;

import dev.benchpulse.launcher.control.ControlClient;
import dev.benchpulse.launcher.control.StackLocation;
import dev.benchpulse.launcher.supervision.ComponentStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code status} command, {@code ./benchpulse status}: asks the running launcher about its components and
 * prints them as a table, or as JSON with {@code --json}. Exit code 0 when every component is running and healthy,
 * 1 otherwise (so scripts can wait on it), 2 when no launcher answers.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Shows the components of the running ./benchpulse up: state, pid, health, uptime, restarts.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StackLocation stack;

    @Option(names = "--json", description = "Print JSON (one object per component) instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ComponentStatus> components;
        try {
            components = stack.client().status();
        } catch (ControlClient.ControlException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        if (json) {
            out.println(JsonMapper.builder()
                    .build()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(components));
        } else {
            StatusTable.print(components, out);
        }
        out.flush();
        boolean allWell = components.stream()
                .allMatch(c -> ("running".equals(c.state()) || "external".equals(c.state()))
                        && !Boolean.FALSE.equals(c.healthy()));
        return allWell ? 0 : 1;
    }
}
